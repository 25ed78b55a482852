import joblib
import pandas as pd


def score(model_path: str, csv_path: str):
    model = joblib.load(model_path)
    frame = pd.read_csv(csv_path)
    return model.predict_proba(frame)[:, 1]
