from django.apps import AppConfig


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = "الأرشيف"

    def ready(self):
        from . import signals

        signals.connect()
