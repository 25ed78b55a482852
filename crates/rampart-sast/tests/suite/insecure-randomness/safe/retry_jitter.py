import random
import time


def call_with_retry(fn, attempts=5):
    for attempt in range(attempts):
        try:
            return fn()
        except ConnectionError:
            delay = (2 ** attempt) + random.uniform(0, 1)
            time.sleep(delay)
    raise RuntimeError("gave up")
