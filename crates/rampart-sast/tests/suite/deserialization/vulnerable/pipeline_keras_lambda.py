import keras


def load_for_inference(path):
    model = keras.models.load_model(path, compile=False, safe_mode=False)
    model.trainable = False
    return model
