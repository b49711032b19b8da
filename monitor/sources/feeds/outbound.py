"""Where feed fetches may connect: public addresses only, unless an operator allows a network.

The check runs at connect time on the address actually dialled (every hop of a redirect, after
DNS), so a feed or a redirect cannot reach loopback, private, link-local or cloud-metadata
addresses, and a DNS answer that changes between a check and the connection cannot get round it.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import httpcore
import httpx

from monitor.errors import BoundExceededError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class OutboundPolicy:
    """Public addresses are allowed; others only inside ``allow`` (e.g. 10.20.0.0/16 for an
    intranet feed, 127.0.0.0/8 for tests and local feed servers)."""

    allow: tuple[Network, ...] = ()

    @classmethod
    def allowing(cls, networks: Iterable[str]) -> OutboundPolicy:
        """A policy from CIDR strings (ValueError on a bad one)."""
        return cls(tuple(ipaddress.ip_network(n.strip(), strict=False) for n in networks))

    def refusal(self, address: str) -> str | None:
        """Why ``address`` (an IP literal) may not be dialled, or None when it may."""
        ip: Address = ipaddress.ip_address(address.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        if any(ip in network for network in self.allow):
            return None
        kinds = (
            (ip.is_loopback, "a loopback address"),
            (ip.is_link_local, "a link-local address (cloud metadata lives there)"),
            (ip.is_unspecified, "the unspecified address"),
            (ip.is_multicast, "a multicast address"),
            (ip.is_private, "a private address"),
            (not ip.is_global, "not a public address"),
        )
        kind = next((text for test, text in kinds if test), None)
        return None if kind is None else f"{ip} is {kind} (allow it with outbound.allow)"


class OutboundRefusedError(BoundExceededError, httpcore.ConnectError):
    """A connection the policy refused; httpx reports it as a ConnectError with this message."""


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the host itself and dials only the addresses the policy allows."""

    def __init__(self, policy: OutboundPolicy, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self.policy = policy
        self.inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve host ({exc.strerror})") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        refusals = [reason for address in addresses if (reason := self.policy.refusal(address))]
        allowed = [address for address in addresses if self.policy.refusal(address) is None]
        if not allowed:
            raise OutboundRefusedError(f"refused: {refusals[0] if refusals else 'no address'}")
        error: Exception | None = None
        for address in allowed:
            try:
                return await self.inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.AsyncNetworkStream:
        raise OutboundRefusedError("refused: feeds are fetched over TCP only")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool dialling through GuardedBackend; no proxies
    from the environment (a proxy would dial for us, round the policy)."""

    def __init__(self, policy: OutboundPolicy, limits: httpx.Limits) -> None:
        super().__init__(limits=limits, trust_env=False)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy),
        )
