import a


def forward(cmd):
    a.execute(cmd)
