"""Pages of the registers: a view module per register, plus the hub and the statistics."""
