import os
import shlex
import sys


def q(value):
    return shlex.quote(value)


def main():
    path = sys.argv[1]
    os.system("sha256sum " + q(path))


if __name__ == "__main__":
    main()
