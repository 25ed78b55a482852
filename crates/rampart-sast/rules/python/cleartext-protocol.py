import ftplib
import smtplib
import telnetlib

# ruleid: cleartext-protocol
ftp = ftplib.FTP("ftp.example.com")
# ok: cleartext-protocol
ftps = ftplib.FTP_TLS("ftp.example.com")
# ruleid: cleartext-protocol
tn = telnetlib.Telnet("router.local")


def send_plain(msg):
    s = smtplib.SMTP("mail.example.com", 25)
    # ruleid: cleartext-protocol
    s.login("app", "pw")
    s.send_message(msg)


def send_tls(msg):
    s = smtplib.SMTP("mail.example.com", 587)
    s.starttls()
    # ok: cleartext-protocol
    s.login("app", "pw")
    s.send_message(msg)
