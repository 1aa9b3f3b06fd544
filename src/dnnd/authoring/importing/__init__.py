"""`dnnd import`: reading a decision document (Word, PDF, text), finding its task table, matching agency
names to ids, and writing a new plan repository from it."""
