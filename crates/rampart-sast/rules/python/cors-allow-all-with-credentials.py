from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Flask
from flask_cors import CORS

app = Flask(__name__)
# ruleid: cors-allow-all-with-credentials
CORS(app, supports_credentials=True)
# ok: cors-allow-all-with-credentials
CORS(app, origins=["https://app.example.com"], supports_credentials=True)

api = FastAPI()
# ruleid: cors-allow-all-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ok: cors-allow-all-with-credentials
api.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_credentials=True)
# ruleid: cors-allow-all-with-credentials
CORS_ALLOW_ALL_ORIGINS = True
