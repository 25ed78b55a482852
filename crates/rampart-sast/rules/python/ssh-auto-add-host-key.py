import paramiko

client = paramiko.SSHClient()
# ruleid: ssh-auto-add-host-key
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
# ruleid: ssh-auto-add-host-key
client.set_missing_host_key_policy(paramiko.WarningPolicy())
# ok: ssh-auto-add-host-key
client.set_missing_host_key_policy(paramiko.RejectPolicy())
# ok: ssh-auto-add-host-key
client.load_system_host_keys()
