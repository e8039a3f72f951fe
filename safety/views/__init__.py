"""DUERP pages: the module home, the register (units, entries, knowledge base), the
action plan and the yearly editions."""
