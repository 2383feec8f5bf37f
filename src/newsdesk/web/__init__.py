"""The web desk: ``create_app(db)`` returns the FastAPI app (pages and the /api/)."""

from newsdesk.web.app import create_app

__all__ = ["create_app"]
