import os
import sys


def archive(day):
    cmd = "tar czf /backups/" + day + ".tgz /data/" + day
    return os.popen(cmd).read()


if __name__ == "__main__":
    print(archive(sys.argv[1]))
