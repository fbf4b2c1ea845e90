from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "البحث"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import post_migrate

        from .answers import forget_all
        from .checks import check_index_schema, check_index_writable, check_writer_running

        checks.register(check_index_writable, "search")
        checks.register(check_index_schema, "search")
        # Deploy only: `make run` migrates, which runs the checks, before it starts the writer.
        checks.register(check_writer_running, "search", deploy=True)
        post_migrate.connect(forget_all, sender=self)
