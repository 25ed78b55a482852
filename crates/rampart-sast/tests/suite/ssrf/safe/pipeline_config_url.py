import json

import requests

CONFIG = {"feed": "https://data.example.org/feed.json"}


def sync():
    r = requests.get(CONFIG["feed"], timeout=30)
    with open("/var/lib/feed.json", "w") as fh:
        json.dump(r.json(), fh)
