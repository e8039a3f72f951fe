"""Reference data of social action, part 3: the old columns go, no overlapping periods."""

import django.db.models.deletion
from django.db import migrations, models

from imtsocial.refdata.operations import NoOverlap


class Migration(migrations.Migration):
    dependencies = [("social_action", "0004_reference_data_rows")]

    operations = [
        migrations.RemoveField(model_name="aidscheme", name="cap"),
        migrations.RemoveField(model_name="historicalaidscheme", name="cap"),
        migrations.RemoveConstraint(model_name="associationgrant", name="sa_grant_unique_year"),
        migrations.RemoveField(model_name="associationgrant", name="association"),
        migrations.RemoveField(model_name="historicalassociationgrant", name="association"),
        migrations.RenameField(
            model_name="associationgrant", old_name="association_ref", new_name="association"
        ),
        migrations.RenameField(
            model_name="historicalassociationgrant",
            old_name="association_ref",
            new_name="association",
        ),
        migrations.AlterField(
            model_name="associationgrant",
            name="association",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="grants",
                to="social_action.association",
                verbose_name="association",
            ),
        ),
        migrations.AddConstraint(
            model_name="associationgrant",
            constraint=models.UniqueConstraint(
                fields=("association", "year"), name="sa_grant_unique_year"
            ),
        ),
        NoOverlap("rate", keys=["key"]),
        NoOverlap("incomeband", keys=["household", "tax_shares"]),
        NoOverlap("schemecap", keys=["scheme_id"]),
        NoOverlap("giftcategory", keys=["code"]),
    ]
