"""Word templates of the report and the reminder letter (Nghị định 30/2020/NĐ-CP), shipped as dnnd.templates."""
