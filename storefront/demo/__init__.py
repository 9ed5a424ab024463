"""Demo data: multilingual catalogue content, generated images and the idempotent seeder."""
