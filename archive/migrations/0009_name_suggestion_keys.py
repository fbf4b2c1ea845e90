"""Each suggested name's key, the same for all its spellings and spacings, for decisions and counts."""

from django.db import migrations, models

from arabic.normalization import name_key


def fill_keys(apps, schema_editor):
    NameSuggestion = apps.get_model("archive", "NameSuggestion")
    suggestions = list(NameSuggestion.objects.only("id", "text"))
    for suggestion in suggestions:
        suggestion.key = name_key(suggestion.text)
    NameSuggestion.objects.bulk_update(suggestions, ["key"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0008_security_agreement_events"),
    ]

    operations = [
        migrations.AddField(
            model_name="namesuggestion",
            name="key",
            field=models.CharField(
                db_index=True, default="", editable=False, max_length=300, verbose_name="الاسم موحّدًا"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
    ]
