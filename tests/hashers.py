from django.contrib.auth.hashers import Argon2PasswordHasher


class CheapArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 with the smallest cost: the same algorithm as production, without 100 MB per test user."""

    time_cost = 1
    memory_cost = 8
    parallelism = 1
