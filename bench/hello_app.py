"""The framework ceiling: a bare Flask "hello" app, served under the same gunicorn settings as Kuajing."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello():
    """The cheapest possible Flask response."""
    return "Hello, World!"
