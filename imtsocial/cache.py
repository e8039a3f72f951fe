"""The cache backend: Django's Redis cache that keeps pages answering when Redis is down.

The cache holds nothing that cannot be rebuilt (rate-limit counters, the « code
already used » marks of TOTP, cached fragments), so a Redis outage must not turn into
errors — nor into a login refused to everyone (allauth reads a failed ``add`` as a
lock held by someone else, i.e. « too many attempts »). While Redis cannot be reached,
each operation falls back to a memory cache of the process: rate limits and the
one-use rule of TOTP codes keep working, per process instead of across processes, and
a warning is logged. When Redis answers again, it is used again.
"""

import functools
import logging

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

_ERRORS = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
_OPERATIONS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)


def _resilient(name):
    redis_method = getattr(RedisCache, name)

    @functools.wraps(redis_method)
    def wrapper(self, *args, **kwargs):
        try:
            return redis_method(self, *args, **kwargs)
        except _ERRORS as exc:
            logger.warning("cache unavailable, memory of the process used (%s): %s", name, exc)
            return getattr(self.fallback, name)(*args, **kwargs)

    return wrapper


class ReusedClients(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` for every operation (its ``__init__``
    registers some 170 response callbacks); one per connection pool is enough — a
    ``redis.Redis`` is thread-safe and takes its connections from the pool."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            pool = self._get_connection_pool(write)
            client = self._clients[index] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClients
        self.fallback = LocMemCache(
            f"resilient-{server}", {"KEY_PREFIX": params.get("KEY_PREFIX", "")}
        )


for _name in _OPERATIONS:
    setattr(ResilientRedisCache, _name, _resilient(_name))
