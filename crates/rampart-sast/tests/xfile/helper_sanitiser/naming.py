def table_for(kind):
    # One directory for every kind today.
    return "/srv/data"
