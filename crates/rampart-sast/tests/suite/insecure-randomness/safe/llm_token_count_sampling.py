import random


def sample_generation_settings():
    # Varies the completion budget in an offline evaluation run; nothing secret about it.
    max_tokens = random.randint(64, 512)
    temperature = random.uniform(0.2, 0.9)
    return {"max_tokens": max_tokens, "temperature": temperature}
