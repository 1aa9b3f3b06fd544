"""The dashboard: a static website of the plan for leaders (`dnnd site`), with charts drawn by matplotlib."""
