"""Discovers every URL pattern of the project, so no view can be left out
of the permission matrix."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class DiscoveredUrl:
    name: str | None  # "namespace:name"
    route: str
    params: tuple[str, ...]
    positional: int = 0  # unnamed regex groups, filled with positional args


def _params(pattern) -> tuple[str, ...]:
    converters = getattr(pattern, "converters", None)
    if converters:
        return tuple(converters)
    regex = getattr(pattern, "regex", None)
    return tuple(regex.groupindex) if regex is not None else ()


def _positional(pattern) -> int:
    regex = getattr(pattern, "regex", None)
    if regex is None or getattr(pattern, "converters", None):
        return 0
    return regex.groups - len(regex.groupindex)


def discover_urls(resolver=None, prefix: str = "", namespace: str | None = None,
                  params: tuple[str, ...] = (), positional: int = 0) -> list[DiscoveredUrl]:
    resolver = resolver or get_resolver()
    found = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        entry_params = params + _params(entry.pattern)
        entry_positional = positional + _positional(entry.pattern)
        if isinstance(entry, URLResolver):
            child_ns = namespace
            if entry.namespace:
                child_ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            found.extend(discover_urls(entry, route, child_ns, entry_params, entry_positional))
        elif isinstance(entry, URLPattern):
            name = entry.name
            if name and namespace:
                name = f"{namespace}:{name}"
            found.append(DiscoveredUrl(name=name, route=route, params=entry_params, positional=entry_positional))
    return found
