"""Write src/dnnd/plan/light_spec.py, the plan files' models as plain data, from the pydantic models (see
`dnnd.plan.light_spec_compiler`). Run it after changing a model:  python tools/compile_light_spec.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from dnnd.plan.light_spec_compiler import compile_models, spec_source

TARGET = Path(__file__).resolve().parent.parent / "src" / "dnnd" / "plan" / "light_spec.py"


def main() -> None:
    TARGET.write_text(spec_source(compile_models()), encoding="utf-8")
    # ruff, a test dependency, formats it as the project's other files are
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if ruff is not None:
        subprocess.run([ruff, "format", "--quiet", str(TARGET)], check=True)
    print(f"wrote {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main()
