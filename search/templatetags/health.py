"""``{% index_lag %}``: how far the search index is behind the database, on the admin's home page."""

from django import template

from .. import conf, health

register = template.Library()


@register.inclusion_tag("search/includes/index_lag.html")
def index_lag() -> dict:
    state = health.current()
    heartbeat = state.writer_heartbeat_seconds
    return {
        "health": state,
        "writer_stopped": heartbeat is None or heartbeat > conf.get("WRITER_HEARTBEAT_LIMIT"),
    }
