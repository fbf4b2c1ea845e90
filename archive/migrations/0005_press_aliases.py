"""The spellings the press gives the seed entities: short forms and Latin transliterations.

An archive made before them gets them here; a new one gets them from
``fixtures/entities.json`` too (a test holds the two equal). Each entity given
a spelling is queued for relinking, so its articles meet the new spellings.
An entity an editor renamed or deleted is left alone.
"""

from django.db import migrations

from arabic.normalization import normalize

PRESS_ALIASES = {
    "الجزائر": ["Algeria", "Algérie"],
    "ليبيا": ["Libya", "Libye"],
    "تشاد": ["Chad", "Tchad"],
    "النيجر": ["Niger"],
    "السودان": ["Sudan", "Soudan"],
    "تونس": ["Tunisia", "Tunisie"],
    "الجزائر العاصمة": ["Algiers", "Alger"],
    "طرابلس": ["Tripoli"],
    "سبها": ["Sebha"],
    "غدامس": ["Ghadames"],
    "المجلس الرئاسي الليبي": ["Libyan Presidential Council", "Conseil présidentiel libyen"],
    "حكومة الوحدة الوطنية": ["Government of National Unity", "Gouvernement d'unité nationale"],
    "حكومة الوفاق الوطني": ["Government of National Accord", "Gouvernement d'union nationale"],
    "المجلس الأعلى للدولة": ["High Council of State", "Haut Conseil d'État"],
    "اتحاد المغرب العربي": ["الاتحاد المغاربي", "Arab Maghreb Union", "Union du Maghreb arabe"],
    "تنظيم داعش": ["تنظيم الدولة الإسلامية", "ISIS", "Daech"],
    "الاتحاد الإفريقي": ["African Union", "Union africaine"],
    "جامعة الدول العربية": ["الجامعة العربية", "Arab League", "Ligue arabe"],
    "موسى الكوني": ["Moussa al-Koni"],
    "عبد المجيد تبون": ["Abdelmadjid Tebboune", "Tebboune"],
    "صبري بوقادوم": ["Sabri Boukadoum", "Boukadoum"],
    "كمال بلجود": ["Kamel Beldjoud", "Beldjoud"],
    "نور الدين مقري": ["Noureddine Mekri"],
    "عبد الحميد الدبيبة": ["Abdelhamid Dbeibah", "Dbeibah", "Dbeibeh"],
    "محمد المنفي": ["Mohamed Menfi", "Mohamed el-Menfi", "Menfi"],
    "نجلاء المنقوش": ["Najla Mangoush", "Najla el-Mangoush", "Mangoush"],
    "محمد سيالة": ["Mohamed Siala", "Siala"],
    "عبد القادر مساهل": ["Abdelkader Messahel", "Messahel"],
    "فايز السراج": ["Fayez al-Sarraj", "Fayez el-Sarraj", "Sarraj"],
    "معمر القذافي": ["Muammar Gaddafi", "Mouammar Kadhafi", "Gaddafi", "Kadhafi"],
}


def add_aliases(apps, schema_editor):
    Entity = apps.get_model("archive", "Entity")
    Alias = apps.get_model("archive", "Alias")
    RelinkTask = apps.get_model("archive", "RelinkTask")
    for entity in Entity.objects.filter(name__in=PRESS_ALIASES):
        created = [
            Alias.objects.get_or_create(entity=entity, name=name, defaults={"normalized": normalize(name)})[1]
            for name in PRESS_ALIASES[entity.name]
        ]
        if any(created):
            RelinkTask.objects.create(entity_id=entity.pk)


def remove_aliases(apps, schema_editor):
    Alias = apps.get_model("archive", "Alias")
    for entity_name, names in PRESS_ALIASES.items():
        Alias.objects.filter(entity__name=entity_name, name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("archive", "0004_relink_queue")]

    operations = [migrations.RunPython(add_aliases, remove_aliases)]
