"""Web addresses that partners record, and checking that such a page still answers.

Plain Python (no Django), so the rules and their tests stay independent of the web shell.

A partner records the address of the page where it published a summary. We accept only
http and https addresses without credentials. The background check follows redirects by
hand and, before every connection, resolves the host and refuses any address that is not
public (loopback, private, link-local, reserved), so a recorded address can never make the
server reach into its own network. It connects to the address it checked, not to a second
lookup, so a host cannot change its answer between the check and the connection.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

MAX_LENGTH = 500
MAX_REDIRECTS = 5
TIMEOUT_SECONDS = 5.0
USER_AGENT = "TripleWin-page-check/1.0 (checks that published summaries still answer)"


def address_problem(url: str) -> str | None:
    """Why this web address cannot be recorded, in plain English; None when it is fine."""
    if not url:
        return "Enter the web address of the page."
    if len(url) > MAX_LENGTH:
        return f"The web address must be at most {MAX_LENGTH} characters."
    if any(c.isspace() or ord(c) < 32 for c in url):
        return "The web address cannot contain spaces or line breaks."
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return "Enter a web address like https://www.example.com/our-partnerships."
    if parts.scheme.lower() not in ("http", "https"):
        return "The web address must start with https:// (or http://)."
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return "The web address must not contain a user name or password."
    if not parts.hostname:
        return "Enter a web address like https://www.example.com/our-partnerships."
    if port == 0:
        return "Enter a web address like https://www.example.com/our-partnerships."
    return None


@dataclass(frozen=True)
class PageCheck:
    answered: bool
    detail: str


def _is_public(ip: str) -> bool:
    address = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _resolve(host: str, port: int, *, allow_private: bool) -> str:
    """The first address of the host, refusing the whole host if any address is not public."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise OSError("the name does not resolve")
    if not allow_private and not all(_is_public(a) for a in addresses):
        raise PermissionError("the address is not on the public internet")
    return addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self) -> None:
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, ip: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self) -> None:
        raw = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(raw, server_hostname=self.host)  # type: ignore[attr-defined]


def _request(url: str, method: str, *, allow_private: bool, timeout: float) -> tuple[int, str]:
    parts = urlsplit(url)
    host = parts.hostname or ""
    secure = parts.scheme.lower() == "https"
    port = parts.port or (443 if secure else 80)
    ip = _resolve(host, port, allow_private=allow_private)
    kind = _PinnedHTTPS if secure else _PinnedHTTP
    connection = kind(host, port, ip, timeout)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    try:
        connection.request(method, path, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        response = connection.getresponse()
        location = response.getheader("Location") or ""
        return response.status, location
    finally:
        connection.close()


def check_page(
    url: str, *, allow_private: bool = False, timeout: float = TIMEOUT_SECONDS
) -> PageCheck:
    """Whether the page answers (a success status after at most five redirects)."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        problem = address_problem(current)
        if problem:
            return PageCheck(False, "It redirects to an address we cannot check.")
        try:
            status, location = _request(
                current, "HEAD", allow_private=allow_private, timeout=timeout
            )
            if status in (405, 501):
                status, location = _request(
                    current, "GET", allow_private=allow_private, timeout=timeout
                )
        except PermissionError:
            return PageCheck(False, "Its address is not on the public internet.")
        except ssl.SSLError:
            return PageCheck(False, "Its security certificate could not be verified.")
        except (OSError, http.client.HTTPException, ValueError):
            return PageCheck(False, "The site did not answer.")
        if status in (301, 302, 303, 307, 308) and location:
            current = urljoin(current, location)
            continue
        if 200 <= status < 300:
            return PageCheck(True, f"The page answered ({status}).")
        return PageCheck(False, f"The site answered with error {status}.")
    return PageCheck(False, "It redirects too many times.")
