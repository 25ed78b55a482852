import subprocess
import sys


def main():
    cmd = sys.argv[1]
    cmd = "df -h"
    print(subprocess.check_output(cmd, shell=True).decode())


if __name__ == "__main__":
    main()
