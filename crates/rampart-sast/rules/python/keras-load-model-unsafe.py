import keras
import tensorflow as tf


def load(path):
    # ruleid: keras-load-model-unsafe
    m1 = keras.models.load_model(path, safe_mode=False)
    # ruleid: keras-load-model-unsafe
    m2 = tf.keras.models.load_model(path, compile=False, safe_mode=False)
    # ok: keras-load-model-unsafe
    m3 = keras.models.load_model(path)
    # ok: keras-load-model-unsafe
    m4 = keras.saving.load_model(path, safe_mode=True)
    return m1, m2, m3, m4
