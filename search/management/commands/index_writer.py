"""``manage.py index_writer``: the one process that writes the queued changes into the index."""

import contextlib

from django.core.management.base import BaseCommand, CommandError

from archive.numerals import number
from archive.priority import giving_way
from search import conf
from search.indexing import WriterAlreadyRunning, run_writer


class Command(BaseCommand):
    help = (
        "يكتب في فهرس البحث التغييرات المنتظرة في الطابور، دفعةً بعد دفعة، حتى يتلقى SIGTERM أو Ctrl-C، "
        "ويعيد قبل كل دفعة ربط مقالات الكيانات التي تغيّرت أسماؤها. "
        "إن وجد الفهرس مبنيًا بمخطط آخر مسحه، وإن وجده فارغًا والأرشيف غير فارغ، "
        "أدرج كل شيء في الطابور أولًا. لا يكتب في الفهرس معه إلا دفعات rebuild_index وupdate_index، "
        "كلٌّ في دوره."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="يفرغ الطابور مرة واحدة ثم يخرج")

    def handle(self, *args, once: bool, **options):
        # Running beside the site: readers come first for the processor.
        priority = contextlib.nullcontext() if once else giving_way(conf.get("WRITER_NICENESS"))
        try:
            with priority:
                done = run_writer(once=once)
        except WriterAlreadyRunning as error:
            raise CommandError(str(error)) from error
        if once:
            self.stdout.write(self.style.SUCCESS(f"فُهرست التغييرات المنتظرة: {number(done)}."))
