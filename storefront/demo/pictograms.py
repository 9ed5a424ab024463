"""Demo pictograms: the drawing primitives (a pen in unit coordinates, deterministic choices from a seed) and one
flat, geometric pictogram per kind of product, chosen by HS code prefix or by cluster.

Pillow primitives only (no fonts, no files); :mod:`storefront.demo.images` composes them into pictures."""

from __future__ import annotations

import hashlib
import math
from functools import partial

from PIL import Image, ImageChops, ImageColor, ImageDraw

SS = 2  # supersampling factor for anti-aliased edges
ACCENTS = ["#f97316", "#facc15", "#f43f5e", "#22d3ee", "#a3e635", "#e879f9", "#fb7185", "#38bdf8"]
STEEL, STEEL_LIGHT, TYRE = (120, 130, 142), (214, 220, 228), (40, 44, 52)


def rgb(color) -> tuple[int, int, int]:
    return tuple(color[:3]) if isinstance(color, tuple) else ImageColor.getrgb(color)[:3]


def mix(a, b, t: float) -> tuple[int, int, int]:
    a, b = rgb(a), rgb(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class Seed:
    """Deterministic pseudo-random choices derived from a string."""

    def __init__(self, text: str):
        self.bytes = hashlib.sha256(text.encode()).digest()
        self.i = 0

    def unit(self) -> float:
        if self.i == len(self.bytes):  # extend the stream deterministically
            self.bytes += hashlib.sha256(self.bytes).digest()
        self.i += 1
        return self.bytes[self.i - 1] / 255

    def pick(self, seq):
        return seq[int(self.unit() * (len(seq) - 1e-9))]

    def between(self, lo: float, hi: float) -> float:
        return lo + (hi - lo) * self.unit()


class Pen:
    """Draws in unit coordinates (0..1) inside a square box of the canvas."""

    def __init__(self, img: Image.Image, x0: float, y0: float, size: float):
        self.d, self.x0, self.y0, self.s = ImageDraw.Draw(img), x0, y0, size

    def p(self, x, y):
        return (self.x0 + x * self.s, self.y0 + y * self.s)

    def poly(self, pts, fill, outline=None, width=0.0):
        self.d.polygon(
            [self.p(x, y) for x, y in pts],
            fill=fill,
            outline=outline,
            width=max(1, int(width * self.s)) if outline else 0,
        )

    def ell(self, cx, cy, rx, ry, fill, outline=None, width=0.0):
        self.d.ellipse(
            [self.p(cx - rx, cy - ry), self.p(cx + rx, cy + ry)], fill=fill, outline=outline, width=int(width * self.s)
        )

    def rect(self, x0, y0, x1, y1, fill, r=0.0):
        self.d.rounded_rectangle([self.p(x0, y0), self.p(x1, y1)], radius=r * self.s, fill=fill)

    def line(self, pts, fill, width):
        self.d.line([self.p(x, y) for x, y in pts], fill=fill, width=max(1, int(width * self.s)), joint="curve")


def _patterned(img, pen, pts, base, accent, style):
    """Fill a polygon with a stripe / dot pattern clipped to its outline."""
    pen.poly(pts, base)
    mask = Image.new("L", img.size, 0)
    Pen(mask, pen.x0, pen.y0, pen.s).poly(pts, 255)
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    lp = Pen(layer, pen.x0, pen.y0, pen.s)
    for k in range(-10, 22):
        if style == "stripes":
            lp.line([(k * 0.08 - 0.4, 0), (k * 0.08 + 0.4, 1)], accent, 0.022)
        elif style == "dots":
            for j in range(14):
                lp.ell(k * 0.07 + (j % 2) * 0.035, j * 0.07, 0.014, 0.014, accent)
    if style == "band":
        lp.rect(0, 0.50, 1, 0.58, accent)
    img.paste(layer, (0, 0), ImageChops.multiply(mask, layer.getchannel("A")))


def _swimsuit(img, pen, pal, rnd):
    pts = [
        (0.33, 0.08),
        (0.37, 0.08),
        (0.41, 0.24),
        (0.50, 0.34),
        (0.59, 0.24),
        (0.63, 0.08),
        (0.67, 0.08),
        (0.69, 0.30),
        (0.66, 0.46),
        (0.70, 0.62),
        (0.66, 0.70),
        (0.61, 0.77),
        (0.56, 0.85),
        (0.44, 0.85),
        (0.39, 0.77),
        (0.34, 0.70),
        (0.30, 0.62),
        (0.34, 0.46),
        (0.31, 0.30),
    ]
    _patterned(img, pen, pts, pal["dark"], pal["accent"], rnd.pick(["stripes", "dots", "band"]))
    pen.line([(0.41, 0.24), (0.50, 0.34), (0.59, 0.24)], pal["light"], 0.008)


def _trunks(img, pen, pal, rnd):
    pts = [(0.20, 0.32), (0.80, 0.32), (0.84, 0.80), (0.57, 0.82), (0.50, 0.58), (0.43, 0.82), (0.16, 0.80)]
    _patterned(img, pen, pts, pal["dark"], pal["accent"], rnd.pick(["stripes", "dots", "band"]))
    pen.rect(0.20, 0.26, 0.80, 0.34, pal["accent"], 0.02)
    pen.line([(0.46, 0.34), (0.43, 0.48)], "white", 0.014)
    pen.line([(0.54, 0.34), (0.57, 0.48)], "white", 0.014)


def _cap(img, pen, pal, rnd):
    pen.d.pieslice([pen.p(0.14, 0.22), pen.p(0.86, 1.0)], 180, 360, fill=pal["dark"])
    pen.rect(0.14, 0.58, 0.86, 0.65, pal["accent"], 0.02)
    pen.ell(0.50, 0.40, 0.08, 0.08, pal["accent"])
    pen.ell(0.33, 0.40, 0.05, 0.09, mix(pal["dark"], "white", 0.3))


def _dress(img, pen, pal, rnd):
    pts = [
        (0.40, 0.10),
        (0.44, 0.10),
        (0.47, 0.30),
        (0.53, 0.30),
        (0.56, 0.10),
        (0.60, 0.10),
        (0.62, 0.38),
        (0.80, 0.90),
        (0.20, 0.90),
        (0.38, 0.38),
    ]
    pen.poly(pts, pal["dark"])
    for j in range(6):
        for k in range(8):
            x, y = 0.27 + k * 0.065 + (j % 2) * 0.032, 0.46 + j * 0.075
            if 0.40 - (y - 0.38) * 0.33 < x < 0.60 + (y - 0.38) * 0.33:
                pen.ell(x, y, 0.016, 0.016, pal["light"])


def crystals(img, pen, pal, rnd):
    for k in range(rnd.pick([6, 7, 8])):
        cx, cy, r = rnd.between(0.28, 0.72), rnd.between(0.34, 0.70), rnd.between(0.13, 0.21)
        a0 = rnd.between(0, math.pi)
        pts = [
            (cx + r * math.cos(a0 + i * 1.047) * (1 + 0.2 * (i % 2)), cy + r * math.sin(a0 + i * 1.047))
            for i in range(6)
        ]
        fill = mix(pal["light"], pal["base"], 0.2 + 0.2 * (k % 3))
        pen.poly(pts, fill, outline=pal["dark"], width=0.008)
        pen.poly([pts[0], pts[1], (cx, cy)], mix(fill, "white", 0.6))
        pen.poly([pts[3], pts[4], (cx, cy)], mix(fill, pal["dark"], 0.3))


def _ingots(img, pen, pal, rnd):
    metal = mix(STEEL_LIGHT, pal["base"], 0.10)
    for row, n in enumerate((3, 2, 1)):
        for i in range(n):
            x, y = 0.5 + (i - (n - 1) / 2) * 0.29, 0.84 - row * 0.21
            top = y - 0.17
            pen.poly([(x - 0.14, y), (x + 0.14, y), (x + 0.11, top), (x - 0.11, top)], mix(metal, STEEL, 0.5))
            pen.poly([(x - 0.11, top), (x + 0.11, top), (x + 0.09, top - 0.03), (x - 0.09, top - 0.03)], metal)
            pen.line([(x - 0.08, y - 0.09), (x + 0.04, y - 0.09)], metal, 0.012)


def _bricks(img, pen, pal, rnd):
    tone = (74, 76, 84) if rnd.unit() > 0.5 else (156, 112, 90)
    for row in range(4):
        for i in range(4):
            x = 0.06 + (0.0 if row % 2 == 0 else 0.14) + i * 0.28
            if x + 0.26 <= 0.96:
                y = 0.24 + row * 0.15
                fill = mix(tone, "white", 0.1 * ((i + row) % 2))
                pen.rect(x, y, x + 0.26, y + 0.13, fill, 0.012)
                pen.line([(x + 0.03, y + 0.03), (x + 0.12, y + 0.03)], mix(fill, "white", 0.3), 0.01)


def _car(pen, y, pal):
    pen.rect(0.26, y, 0.74, y + 0.09, pal["accent"], 0.03)
    pen.poly([(0.34, y), (0.40, y - 0.08), (0.60, y - 0.08), (0.67, y)], pal["accent"])
    pen.poly([(0.41, y - 0.01), (0.44, y - 0.06), (0.59, y - 0.06), (0.62, y - 0.01)], (236, 244, 250))
    for x in (0.35, 0.65):
        pen.ell(x, y + 0.10, 0.05, 0.05, TYRE)


def _lift(img, pen, pal, rnd):
    pen.rect(0.08, 0.88, 0.92, 0.91, pal["dark"])
    for x in (0.12, 0.82):
        pen.rect(x, 0.12, x + 0.06, 0.88, pal["dark"], 0.01)
        pen.rect(x - 0.02, 0.86, x + 0.08, 0.88, pal["dark"])
    if rnd.unit() > 0.4:
        pen.rect(0.12, 0.10, 0.88, 0.14, pal["dark"], 0.01)
    y = rnd.between(0.40, 0.52)
    pen.rect(0.18, y + 0.14, 0.82, y + 0.17, STEEL_LIGHT)
    _car(pen, y, pal)


def _tyre(img, pen, pal, rnd, spokes=None):
    pen.ell(0.5, 0.5, 0.38, 0.38, TYRE)
    for k in range(30):
        a = k * math.tau / 30
        c, s = math.cos(a), math.sin(a)
        pen.line([(0.5 + 0.34 * c, 0.5 + 0.34 * s), (0.5 + 0.39 * c, 0.5 + 0.39 * s)], (72, 78, 88), 0.013)
    pen.ell(0.5, 0.5, 0.23, 0.23, STEEL_LIGHT)
    n = spokes or rnd.pick([5, 6, 7, 10])
    for k in range(n):
        a = k * math.tau / n + 0.3
        pen.line([(0.5, 0.5), (0.5 + 0.21 * math.cos(a), 0.5 + 0.21 * math.sin(a))], STEEL, 0.03)
    pen.ell(0.5, 0.5, 0.06, 0.06, pal["dark"])


def _balancer(img, pen, pal, rnd):
    _tyre(img, pen, pal, rnd)
    pen.rect(0.62, 0.34, 0.67, 0.42, pal["accent"], 0.01)
    pen.d.arc([pen.p(0.04, 0.04), pen.p(0.96, 0.96)], 200, 320, fill=pal["accent"], width=int(0.025 * pen.s))


def _aligner(img, pen, pal, rnd):
    _tyre(img, pen, pal, rnd)
    pen.rect(0.58, 0.58, 0.94, 0.94, pal["light"], 0.02)
    for k in range(3):
        for j in range(3):
            pen.ell(0.64 + k * 0.12, 0.64 + j * 0.12, 0.03, 0.03, pal["dark"])
    pen.line([(0.06, 0.5), (0.94, 0.5)], pal["accent"], 0.01)
    pen.line([(0.5, 0.06), (0.5, 0.94)], pal["accent"], 0.01)


def _jack(img, pen, pal, rnd):
    pen.poly([(0.08, 0.74), (0.76, 0.70), (0.84, 0.80), (0.08, 0.82)], pal["dark"])
    pen.line([(0.70, 0.72), (0.86, 0.38)], pal["accent"], 0.06)
    pen.rect(0.78, 0.33, 0.96, 0.38, pal["dark"], 0.01)
    pen.line([(0.12, 0.76), (0.02, 0.34)], pal["dark"], 0.03)
    for x in (0.16, 0.74):
        pen.ell(x, 0.84, 0.06, 0.06, TYRE)


def _bars(img, pen, pal, rnd, flat=False, stainless=False):
    face = STEEL_LIGHT if stainless else mix(STEEL, pal["base"], 0.15)
    if flat:
        for i in range(5):
            y = 0.26 + i * 0.11
            fill = mix(face, "white", 0.12 * (i % 2))
            pen.rect(0.16, y, 0.84, y + 0.09, fill, 0.01)
            pen.line([(0.20, y + 0.03), (0.50, y + 0.03)], mix(fill, "white", 0.45), 0.01)
        return
    r = 0.09
    for row, n in enumerate((3, 4, 5, 4, 3)):
        for i in range(n):
            x, y = 0.5 + (i - (n - 1) / 2) * 2 * r, 0.5 + (row - 2) * 2 * r * 0.87
            pen.ell(x, y, r * 0.96, r * 0.96, mix(face, (30, 34, 40), 0.35))
            pen.ell(x, y, r * 0.78, r * 0.78, face)
            pen.ell(x - r * 0.25, y - r * 0.25, r * 0.22, r * 0.22, mix(face, "white", 0.6))
    pen.d.arc([pen.p(0.04, 0.04), pen.p(0.96, 0.96)], 60, 120, fill=pal["accent"], width=int(0.03 * pen.s))


def _strawberry(img, pen, pal, rnd):
    red = (220, 38, 64)
    pen.ell(0.5, 0.46, 0.27, 0.23, red)
    pen.poly([(0.24, 0.50), (0.76, 0.50), (0.52, 0.90), (0.48, 0.90)], red)
    pen.ell(0.5, 0.65, 0.17, 0.19, red)
    for _ in range(20):
        x, y = rnd.between(0.32, 0.68), rnd.between(0.40, 0.76)
        if abs(x - 0.5) < 0.26 - (y - 0.40) * 0.45:
            pen.ell(x, y, 0.012, 0.018, (250, 214, 120))
    for a in (-60, -20, 20, 60):
        t = math.radians(a - 90)
        pen.poly(
            [
                (0.5, 0.27),
                (0.5 + 0.16 * math.cos(t - 0.3), 0.37 + 0.16 * math.sin(t - 0.3)),
                (0.5 + 0.16 * math.cos(t + 0.3), 0.37 + 0.16 * math.sin(t + 0.3)),
            ],
            (34, 139, 34),
        )
    pen.line([(0.5, 0.27), (0.52, 0.12)], (34, 120, 34), 0.02)


def _apple(img, pen, pal, rnd):
    red = (200, 30, 45)
    pen.ell(0.40, 0.56, 0.21, 0.25, red)
    pen.ell(0.60, 0.56, 0.21, 0.25, red)
    pen.ell(0.35, 0.46, 0.05, 0.08, mix(red, "white", 0.45))
    pen.line([(0.5, 0.36), (0.53, 0.18)], (110, 70, 30), 0.022)
    pen.poly([(0.53, 0.23), (0.70, 0.14), (0.63, 0.28)], (60, 150, 50))


def _chestnut(img, pen, pal, rnd):
    nuts = [(0.36, 0.56), (0.64, 0.56)] if rnd.unit() > 0.5 else [(0.50, 0.36), (0.32, 0.62), (0.68, 0.62)]
    for k, (cx, cy) in enumerate(nuts):
        brown = mix((120, 62, 30), "black", 0.1 * (k % 2))
        pts = [
            (cx - 0.2, cy + 0.16),
            (cx + 0.2, cy + 0.16),
            (cx + 0.21, cy),
            (cx + 0.08, cy - 0.2),
            (cx, cy - 0.25),
            (cx - 0.08, cy - 0.2),
            (cx - 0.21, cy),
        ]
        pen.poly(pts, brown)
        pen.ell(cx, cy + 0.14, 0.2, 0.06, (225, 200, 160))
        pen.ell(cx - 0.08, cy - 0.05, 0.035, 0.07, mix(brown, "white", 0.35))


def _rice(img, pen, pal, rnd):
    pen.ell(0.5, 0.52, 0.34, 0.12, (250, 250, 245))
    for _ in range(40):
        pen.ell(rnd.between(0.22, 0.78), rnd.between(0.44, 0.56), 0.012, 0.006, (225, 225, 210))
    pen.d.chord([pen.p(0.14, 0.18), pen.p(0.86, 0.86)], 0, 180, fill=pal["dark"])
    pen.rect(0.38, 0.84, 0.62, 0.88, pal["dark"], 0.01)
    pen.line([(0.60, 0.30), (0.92, 0.12)], pal["accent"], 0.018)
    pen.line([(0.64, 0.34), (0.94, 0.18)], pal["accent"], 0.018)


def _peanut(img, pen, pal, rnd):
    shell, dark = (218, 176, 118), (176, 130, 78)
    pods = [(0.40, 0.52, -0.05), (0.62, 0.50, 0.06)][: rnd.pick([1, 2, 2])]
    for cx, cy, tilt in pods:
        for dy, r in ((-0.15, 0.15), (0.15, 0.16)):
            pen.ell(cx + tilt * dy / 0.15, cy + dy, r, r * 1.05, shell)
        pen.ell(cx, cy, 0.11, 0.08, shell)
        for k in range(16):
            dy = -0.26 + k * 0.035
            for dx in (-0.06, 0, 0.06):
                pen.ell(cx + dx + tilt * dy / 0.15, cy + dy, 0.01, 0.01, dark)


def _sea_cucumber(img, pen, pal, rnd):
    body = (96, 76, 54) if rnd.unit() > 0.5 else (62, 72, 60)
    arcs = [math.sin(math.pi * t / 20) for t in range(21)]
    spine = [(0.12 + 0.038 * t, 0.56 - 0.07 * a, 0.15 * a**0.45) for t, a in enumerate(arcs)]
    for x, y, r in spine:
        pen.ell(x, y, r, r * 0.8, body)
    for x, y, r in spine[2:-2:2]:
        pen.poly([(x - 0.03, y - r * 0.7), (x + 0.03, y - r * 0.7), (x + 0.01, y - r * 0.8 - 0.07)], body)
        pen.ell(x, y + r * 0.35, 0.016, 0.016, mix(body, "white", 0.3))
    pen.line([(x, y - r * 0.25) for x, y, r in spine[3:-3]], mix(body, "white", 0.18), 0.02)
    pen.ell(0.12, 0.56, 0.025, 0.03, mix(body, "black", 0.35))


def _ginseng(img, pen, pal, rnd):
    root = (170, 70, 40) if "red" in pal["name"] else (233, 205, 160)
    pen.ell(0.5, 0.44, 0.10, 0.16, root)
    pen.poly([(0.42, 0.48), (0.47, 0.58), (0.36, 0.90), (0.31, 0.88)], root)
    pen.poly([(0.58, 0.48), (0.53, 0.58), (0.66, 0.92), (0.71, 0.90)], root)
    for k in range(8):
        y, side = 0.36 + k * 0.07, (-1) ** k
        pen.line([(0.5 + side * 0.06, y), (0.5 + side * 0.2, y + 0.1)], root, 0.007)
    pen.line([(0.5, 0.30), (0.5, 0.14)], (46, 125, 50), 0.014)
    for k in range(5):
        a = math.radians(-90 + (k - 2) * 32)
        tip = (0.5 + 0.17 * math.cos(a), 0.14 + 0.11 * math.sin(a))
        x, y = tip
        pen.poly([(0.5, 0.14), (x - 0.035, y + 0.03), tip, (x + 0.035, y + 0.03)], (56, 142, 60))
    pen.ell(0.5, 0.07, 0.03, 0.03, (220, 38, 38))


_flat_bars = partial(_bars, flat=True)
_stainless_bars = partial(_bars, stainless=True)


# Pictogram by HS code prefix (the longest matching prefix wins).
HS_PICTOGRAMS = {
    "0811": _strawberry,
    "0808": _apple,
    "0802": _chestnut,
    "1006": _rice,
    "1202": _peanut,
    "2008": _peanut,
    "1605": _sea_cucumber,
    "0308": _sea_cucumber,
    "1211": _ginseng,
    "2519": crystals,
    "8104": _ingots,
    "6815": _bricks,
    "6902": _bricks,
    "84254": _lift,
    "84254210": _jack,
    "8479": _tyre,
    "903180": _balancer,
    "903149": _aligner,
    "7228": _bars,
    "7222": _stainless_bars,
    "6506": _cap,
    "6104": _dress,
    "6211": _trunks,
    "611231": _trunks,
    "6112": _swimsuit,
}


# Right-to-left pictograms on each cluster banner.
CLUSTER_PICTOGRAMS = {
    "swimwear": [_swimsuit, _trunks, _cap],
    "magnesium": [crystals, _ingots, _bricks],
    "auto-maintenance": [_lift, _tyre, _jack],
    "special-steel": [_bars, _stainless_bars, _flat_bars],
    "agriculture": [_strawberry, _rice, _ginseng],
}


def pictogram_for(product: dict):
    hs = product.get("hs_code", "")
    matches = [(len(pre), fn) for pre, fn in HS_PICTOGRAMS.items() if hs.startswith(pre)]
    fn = max(matches, key=lambda m: m[0])[1] if matches else crystals
    name = product.get("text", {}).get("en", {}).get("name", "").lower()
    return _flat_bars if fn is _bars and "flat" in name else fn
