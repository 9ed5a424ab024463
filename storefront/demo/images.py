"""Generated demo imagery: a flat, geometric pictogram per product on a soft gradient in the cluster colour.

Pillow primitives only (no fonts, no files). Output is deterministic: small variations (accent colour,
pattern, element count, tilt) are derived from a SHA-256 of the SKU, so products don't all look alike.
"""

from __future__ import annotations

import hashlib
import math
from functools import partial

from PIL import Image, ImageChops, ImageColor, ImageDraw, ImageFilter

SS = 2  # supersampling factor for anti-aliased edges
ACCENTS = ["#f97316", "#facc15", "#f43f5e", "#22d3ee", "#a3e635", "#e879f9", "#fb7185", "#38bdf8"]
STEEL, STEEL_LIGHT, TYRE = (120, 130, 142), (214, 220, 228), (40, 44, 52)


def _rgb(color) -> tuple[int, int, int]:
    return tuple(color[:3]) if isinstance(color, tuple) else ImageColor.getrgb(color)[:3]


def _mix(a, b, t: float) -> tuple[int, int, int]:
    a, b = _rgb(a), _rgb(b)
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


class _Seed:
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


class _Pen:
    """Draws in unit coordinates (0..1) inside a square box of the canvas."""

    def __init__(self, img: Image.Image, x0: float, y0: float, size: float):
        self.d, self.x0, self.y0, self.s = ImageDraw.Draw(img), x0, y0, size

    def p(self, x, y):
        return (self.x0 + x * self.s, self.y0 + y * self.s)

    def poly(self, pts, fill, outline=None, width=0.0):
        self.d.polygon([self.p(x, y) for x, y in pts], fill=fill, outline=outline,
                       width=max(1, int(width * self.s)) if outline else 0)

    def ell(self, cx, cy, rx, ry, fill, outline=None, width=0.0):
        self.d.ellipse([self.p(cx - rx, cy - ry), self.p(cx + rx, cy + ry)], fill=fill, outline=outline,
                       width=int(width * self.s))

    def rect(self, x0, y0, x1, y1, fill, r=0.0):
        self.d.rounded_rectangle([self.p(x0, y0), self.p(x1, y1)], radius=r * self.s, fill=fill)

    def line(self, pts, fill, width):
        self.d.line([self.p(x, y) for x, y in pts], fill=fill, width=max(1, int(width * self.s)),
                    joint="curve")


def _patterned(img, pen, pts, base, accent, style):
    """Fill a polygon with a stripe / dot pattern clipped to its outline."""
    pen.poly(pts, base)
    mask = Image.new("L", img.size, 0)
    _Pen(mask, pen.x0, pen.y0, pen.s).poly(pts, 255)
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    lp = _Pen(layer, pen.x0, pen.y0, pen.s)
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
    pts = [(.33, .08), (.37, .08), (.41, .24), (.50, .34), (.59, .24), (.63, .08), (.67, .08), (.69, .30),
           (.66, .46), (.70, .62), (.66, .70), (.61, .77), (.56, .85), (.44, .85), (.39, .77), (.34, .70),
           (.30, .62), (.34, .46), (.31, .30)]
    _patterned(img, pen, pts, pal["dark"], pal["accent"], rnd.pick(["stripes", "dots", "band"]))
    pen.line([(.41, .24), (.50, .34), (.59, .24)], pal["light"], .008)


def _trunks(img, pen, pal, rnd):
    pts = [(.20, .32), (.80, .32), (.84, .80), (.57, .82), (.50, .58), (.43, .82), (.16, .80)]
    _patterned(img, pen, pts, pal["dark"], pal["accent"], rnd.pick(["stripes", "dots", "band"]))
    pen.rect(.20, .26, .80, .34, pal["accent"], .02)
    pen.line([(.46, .34), (.43, .48)], "white", .014)
    pen.line([(.54, .34), (.57, .48)], "white", .014)


def _cap(img, pen, pal, rnd):
    pen.d.pieslice([pen.p(.14, .22), pen.p(.86, 1.0)], 180, 360, fill=pal["dark"])
    pen.rect(.14, .58, .86, .65, pal["accent"], .02)
    pen.ell(.50, .40, .08, .08, pal["accent"])
    pen.ell(.33, .40, .05, .09, _mix(pal["dark"], "white", .3))


def _dress(img, pen, pal, rnd):
    pts = [(.40, .10), (.44, .10), (.47, .30), (.53, .30), (.56, .10), (.60, .10), (.62, .38), (.80, .90),
           (.20, .90), (.38, .38)]
    pen.poly(pts, pal["dark"])
    for j in range(6):
        for k in range(8):
            x, y = .27 + k * .065 + (j % 2) * .032, .46 + j * .075
            if .40 - (y - .38) * .33 < x < .60 + (y - .38) * .33:
                pen.ell(x, y, .016, .016, pal["light"])


def _crystals(img, pen, pal, rnd):
    for k in range(rnd.pick([6, 7, 8])):
        cx, cy, r = rnd.between(.28, .72), rnd.between(.34, .70), rnd.between(.13, .21)
        a0 = rnd.between(0, math.pi)
        pts = [(cx + r * math.cos(a0 + i * 1.047) * (1 + .2 * (i % 2)), cy + r * math.sin(a0 + i * 1.047))
               for i in range(6)]
        fill = _mix(pal["light"], pal["base"], .2 + .2 * (k % 3))
        pen.poly(pts, fill, outline=pal["dark"], width=.008)
        pen.poly([pts[0], pts[1], (cx, cy)], _mix(fill, "white", .6))
        pen.poly([pts[3], pts[4], (cx, cy)], _mix(fill, pal["dark"], .3))


def _ingots(img, pen, pal, rnd):
    metal = _mix(STEEL_LIGHT, pal["base"], .10)
    for row, n in enumerate((3, 2, 1)):
        for i in range(n):
            x, y = .5 + (i - (n - 1) / 2) * .29, .84 - row * .21
            top = y - .17
            pen.poly([(x - .14, y), (x + .14, y), (x + .11, top), (x - .11, top)], _mix(metal, STEEL, .5))
            pen.poly([(x - .11, top), (x + .11, top), (x + .09, top - .03), (x - .09, top - .03)], metal)
            pen.line([(x - .08, y - .09), (x + .04, y - .09)], metal, .012)


def _bricks(img, pen, pal, rnd):
    tone = (74, 76, 84) if rnd.unit() > .5 else (156, 112, 90)
    for row in range(4):
        for i in range(4):
            x = .06 + (.0 if row % 2 == 0 else .14) + i * .28
            if x + .26 <= .96:
                y = .24 + row * .15
                fill = _mix(tone, "white", .1 * ((i + row) % 2))
                pen.rect(x, y, x + .26, y + .13, fill, .012)
                pen.line([(x + .03, y + .03), (x + .12, y + .03)], _mix(fill, "white", .3), .01)


def _car(pen, y, pal):
    pen.rect(.26, y, .74, y + .09, pal["accent"], .03)
    pen.poly([(.34, y), (.40, y - .08), (.60, y - .08), (.67, y)], pal["accent"])
    pen.poly([(.41, y - .01), (.44, y - .06), (.59, y - .06), (.62, y - .01)], (236, 244, 250))
    for x in (.35, .65):
        pen.ell(x, y + .10, .05, .05, TYRE)


def _lift(img, pen, pal, rnd):
    pen.rect(.08, .88, .92, .91, pal["dark"])
    for x in (.12, .82):
        pen.rect(x, .12, x + .06, .88, pal["dark"], .01)
        pen.rect(x - .02, .86, x + .08, .88, pal["dark"])
    if rnd.unit() > .4:
        pen.rect(.12, .10, .88, .14, pal["dark"], .01)
    y = rnd.between(.40, .52)
    pen.rect(.18, y + .14, .82, y + .17, STEEL_LIGHT)
    _car(pen, y, pal)


def _tyre(img, pen, pal, rnd, spokes=None):
    pen.ell(.5, .5, .38, .38, TYRE)
    for k in range(30):
        a = k * math.tau / 30
        c, s = math.cos(a), math.sin(a)
        pen.line([(.5 + .34 * c, .5 + .34 * s), (.5 + .39 * c, .5 + .39 * s)], (72, 78, 88), .013)
    pen.ell(.5, .5, .23, .23, STEEL_LIGHT)
    n = spokes or rnd.pick([5, 6, 7, 10])
    for k in range(n):
        a = k * math.tau / n + .3
        pen.line([(.5, .5), (.5 + .21 * math.cos(a), .5 + .21 * math.sin(a))], STEEL, .03)
    pen.ell(.5, .5, .06, .06, pal["dark"])


def _balancer(img, pen, pal, rnd):
    _tyre(img, pen, pal, rnd)
    pen.rect(.62, .34, .67, .42, pal["accent"], .01)
    pen.d.arc([pen.p(.04, .04), pen.p(.96, .96)], 200, 320, fill=pal["accent"], width=int(.025 * pen.s))


def _aligner(img, pen, pal, rnd):
    _tyre(img, pen, pal, rnd)
    pen.rect(.58, .58, .94, .94, pal["light"], .02)
    for k in range(3):
        for j in range(3):
            pen.ell(.64 + k * .12, .64 + j * .12, .03, .03, pal["dark"])
    pen.line([(.06, .5), (.94, .5)], pal["accent"], .01)
    pen.line([(.5, .06), (.5, .94)], pal["accent"], .01)


def _jack(img, pen, pal, rnd):
    pen.poly([(.08, .74), (.76, .70), (.84, .80), (.08, .82)], pal["dark"])
    pen.line([(.70, .72), (.86, .38)], pal["accent"], .06)
    pen.rect(.78, .33, .96, .38, pal["dark"], .01)
    pen.line([(.12, .76), (.02, .34)], pal["dark"], .03)
    for x in (.16, .74):
        pen.ell(x, .84, .06, .06, TYRE)


def _bars(img, pen, pal, rnd, flat=False, stainless=False):
    face = STEEL_LIGHT if stainless else _mix(STEEL, pal["base"], .15)
    if flat:
        for i in range(5):
            y = .26 + i * .11
            fill = _mix(face, "white", .12 * (i % 2))
            pen.rect(.16, y, .84, y + .09, fill, .01)
            pen.line([(.20, y + .03), (.50, y + .03)], _mix(fill, "white", .45), .01)
        return
    r = .09
    for row, n in enumerate((3, 4, 5, 4, 3)):
        for i in range(n):
            x, y = .5 + (i - (n - 1) / 2) * 2 * r, .5 + (row - 2) * 2 * r * .87
            pen.ell(x, y, r * .96, r * .96, _mix(face, (30, 34, 40), .35))
            pen.ell(x, y, r * .78, r * .78, face)
            pen.ell(x - r * .25, y - r * .25, r * .22, r * .22, _mix(face, "white", .6))
    pen.d.arc([pen.p(.04, .04), pen.p(.96, .96)], 60, 120, fill=pal["accent"], width=int(.03 * pen.s))


def _strawberry(img, pen, pal, rnd):
    red = (220, 38, 64)
    pen.ell(.5, .46, .27, .23, red)
    pen.poly([(.24, .50), (.76, .50), (.52, .90), (.48, .90)], red)
    pen.ell(.5, .65, .17, .19, red)
    for _ in range(20):
        x, y = rnd.between(.32, .68), rnd.between(.40, .76)
        if abs(x - .5) < .26 - (y - .40) * .45:
            pen.ell(x, y, .012, .018, (250, 214, 120))
    for a in (-60, -20, 20, 60):
        t = math.radians(a - 90)
        pen.poly([(.5, .27), (.5 + .16 * math.cos(t - .3), .37 + .16 * math.sin(t - .3)),
                  (.5 + .16 * math.cos(t + .3), .37 + .16 * math.sin(t + .3))], (34, 139, 34))
    pen.line([(.5, .27), (.52, .12)], (34, 120, 34), .02)


def _apple(img, pen, pal, rnd):
    red = (200, 30, 45)
    pen.ell(.40, .56, .21, .25, red)
    pen.ell(.60, .56, .21, .25, red)
    pen.ell(.35, .46, .05, .08, _mix(red, "white", .45))
    pen.line([(.5, .36), (.53, .18)], (110, 70, 30), .022)
    pen.poly([(.53, .23), (.70, .14), (.63, .28)], (60, 150, 50))


def _chestnut(img, pen, pal, rnd):
    nuts = [(.36, .56), (.64, .56)] if rnd.unit() > .5 else [(.50, .36), (.32, .62), (.68, .62)]
    for k, (cx, cy) in enumerate(nuts):
        brown = _mix((120, 62, 30), "black", .1 * (k % 2))
        pts = [(cx - .2, cy + .16), (cx + .2, cy + .16), (cx + .21, cy), (cx + .08, cy - .2), (cx, cy - .25),
               (cx - .08, cy - .2), (cx - .21, cy)]
        pen.poly(pts, brown)
        pen.ell(cx, cy + .14, .2, .06, (225, 200, 160))
        pen.ell(cx - .08, cy - .05, .035, .07, _mix(brown, "white", .35))


def _rice(img, pen, pal, rnd):
    pen.ell(.5, .52, .34, .12, (250, 250, 245))
    for _ in range(40):
        pen.ell(rnd.between(.22, .78), rnd.between(.44, .56), .012, .006, (225, 225, 210))
    pen.d.chord([pen.p(.14, .18), pen.p(.86, .86)], 0, 180, fill=pal["dark"])
    pen.rect(.38, .84, .62, .88, pal["dark"], .01)
    pen.line([(.60, .30), (.92, .12)], pal["accent"], .018)
    pen.line([(.64, .34), (.94, .18)], pal["accent"], .018)


def _peanut(img, pen, pal, rnd):
    shell, dark = (218, 176, 118), (176, 130, 78)
    pods = [(.40, .52, -.05), (.62, .50, .06)][: rnd.pick([1, 2, 2])]
    for cx, cy, tilt in pods:
        for dy, r in ((-.15, .15), (.15, .16)):
            pen.ell(cx + tilt * dy / .15, cy + dy, r, r * 1.05, shell)
        pen.ell(cx, cy, .11, .08, shell)
        for k in range(16):
            dy = -.26 + k * .035
            for dx in (-.06, 0, .06):
                pen.ell(cx + dx + tilt * dy / .15, cy + dy, .01, .01, dark)


def _sea_cucumber(img, pen, pal, rnd):
    body = (96, 76, 54) if rnd.unit() > .5 else (62, 72, 60)
    arcs = [math.sin(math.pi * t / 20) for t in range(21)]
    spine = [(.12 + .038 * t, .56 - .07 * a, .15 * a ** .45) for t, a in enumerate(arcs)]
    for x, y, r in spine:
        pen.ell(x, y, r, r * .8, body)
    for x, y, r in spine[2:-2:2]:
        pen.poly([(x - .03, y - r * .7), (x + .03, y - r * .7), (x + .01, y - r * .8 - .07)], body)
        pen.ell(x, y + r * .35, .016, .016, _mix(body, "white", .3))
    pen.line([(x, y - r * .25) for x, y, r in spine[3:-3]], _mix(body, "white", .18), .02)
    pen.ell(.12, .56, .025, .03, _mix(body, "black", .35))


def _ginseng(img, pen, pal, rnd):
    root = (170, 70, 40) if "red" in pal["name"] else (233, 205, 160)
    pen.ell(.5, .44, .10, .16, root)
    pen.poly([(.42, .48), (.47, .58), (.36, .90), (.31, .88)], root)
    pen.poly([(.58, .48), (.53, .58), (.66, .92), (.71, .90)], root)
    for k in range(8):
        y, side = .36 + k * .07, (-1) ** k
        pen.line([(.5 + side * .06, y), (.5 + side * .2, y + .1)], root, .007)
    pen.line([(.5, .30), (.5, .14)], (46, 125, 50), .014)
    for k in range(5):
        a = math.radians(-90 + (k - 2) * 32)
        tip = (.5 + .17 * math.cos(a), .14 + .11 * math.sin(a))
        x, y = tip
        pen.poly([(.5, .14), (x - .035, y + .03), tip, (x + .035, y + .03)], (56, 142, 60))
    pen.ell(.5, .07, .03, .03, (220, 38, 38))


_flat_bars = partial(_bars, flat=True)
_stainless_bars = partial(_bars, stainless=True)


# Pictogram by HS code prefix (the longest matching prefix wins).
HS_PICTOGRAMS = {
    "0811": _strawberry, "0808": _apple, "0802": _chestnut, "1006": _rice, "1202": _peanut, "2008": _peanut,
    "1605": _sea_cucumber, "0308": _sea_cucumber, "1211": _ginseng, "2519": _crystals, "8104": _ingots,
    "6815": _bricks, "6902": _bricks, "84254": _lift, "84254210": _jack, "8479": _tyre, "903180": _balancer,
    "903149": _aligner, "7228": _bars, "7222": _stainless_bars, "6506": _cap, "6104": _dress, "6211": _trunks,
    "611231": _trunks, "6112": _swimsuit,
}


# Right-to-left pictograms on each cluster banner.
CLUSTER_PICTOGRAMS = {
    "swimwear": [_swimsuit, _trunks, _cap], "magnesium": [_crystals, _ingots, _bricks],
    "auto-maintenance": [_lift, _tyre, _jack], "special-steel": [_bars, _stainless_bars, _flat_bars],
    "agriculture": [_strawberry, _rice, _ginseng],
}


def _pictogram_for(product: dict):
    hs = product.get("hs_code", "")
    matches = [(len(pre), fn) for pre, fn in HS_PICTOGRAMS.items() if hs.startswith(pre)]
    fn = max(matches, key=lambda m: m[0])[1] if matches else _crystals
    name = product.get("text", {}).get("en", {}).get("name", "").lower()
    return _flat_bars if fn is _bars and "flat" in name else fn


def _gradient(size, start, end, angle: float) -> Image.Image:
    """RGBA linear gradient from ``start`` to ``end``, its axis rotated by ``angle`` degrees."""
    w, h = size
    mask = Image.linear_gradient("L").resize((64, 64)).rotate(angle, resample=Image.Resampling.BICUBIC)
    mask = mask.crop((10, 10, 54, 54)).resize(size, Image.Resampling.BILINEAR)  # inner part: no corners
    return Image.composite(Image.new("RGB", size, end), Image.new("RGB", size, start), mask).convert("RGBA")


def _soft(alpha: Image.Image, radius: float) -> Image.Image:
    """Gaussian-blurred copy of an ``L`` image, computed at 1/8 scale for speed."""
    small = alpha.resize((max(1, alpha.width // 8), max(1, alpha.height // 8)), Image.Resampling.BILINEAR)
    return small.filter(ImageFilter.GaussianBlur(radius / 8)).resize(alpha.size, Image.Resampling.BILINEAR)


def _background(size, color, rnd) -> Image.Image:
    w, h = size
    img = _gradient(size, _mix(color, "white", .88), _mix(color, "white", .52), rnd.between(-35, 35))
    glow = Image.new("L", size, 0)
    gd = ImageDraw.Draw(glow)
    for k in range(3):
        r = min(w, h) * rnd.between(.18, .42)
        cx, cy = w * rnd.between(.1, .9), h * rnd.between(.1, .9)
        gd.ellipse([cx - r, cy - r, cx + r, cy + r], fill=30 + 14 * k)
    tint = Image.new("RGBA", size, _mix(color, "white", .45))
    tint.putalpha(_soft(glow, min(w, h) * .04))
    return Image.alpha_composite(img, tint)


def _compose(canvas, draw_fn, pal, rnd, box):
    """Draw a pictogram on its own layer, tilt it slightly and composite it with a soft shadow."""
    x0, y0, side = box
    m = int(side * .1)  # margin so tilted corners are kept
    layer = Image.new("RGBA", (int(side) + 2 * m,) * 2, (0, 0, 0, 0))
    draw_fn(layer, _Pen(layer, m, m, side), pal, rnd)
    layer = layer.rotate(rnd.between(-7, 7), resample=Image.Resampling.BILINEAR)
    shadow = Image.new("RGBA", layer.size, _mix(pal["base"], "black", .6))
    shadow.putalpha(_soft(layer.getchannel("A").point(lambda a: int(a * 0.35)), side * .025))
    canvas.alpha_composite(shadow, (int(x0) - m, int(y0 + side * .03) - m))
    canvas.alpha_composite(layer, (int(x0) - m, int(y0) - m))


def _palette(color, rnd, name="") -> dict:
    return {"base": _rgb(color), "dark": _mix(color, "black", .28), "light": _mix(color, "white", .8),
            "accent": _rgb(rnd.pick(ACCENTS)), "name": name.lower()}


def render_product_image(product: dict, cluster_color: str, size=(800, 800)) -> Image.Image:
    """An RGB product picture: gradient in the cluster colour plus a category pictogram varied by SKU."""
    rnd = _Seed(product.get("sku", ""))
    big = (size[0] * SS, size[1] * SS)
    canvas = _background(big, cluster_color, rnd)
    side = min(big) * .72
    pal = _palette(cluster_color, rnd, product.get("text", {}).get("en", {}).get("name", ""))
    _compose(canvas, _pictogram_for(product), pal, rnd, ((big[0] - side) / 2, (big[1] - side) / 2, side))
    return canvas.resize(size, Image.Resampling.LANCZOS).convert("RGB")


def render_cluster_banner(cluster: dict, size=(1200, 400)) -> Image.Image:
    """A wide RGB banner: cluster-colour gradient with a row of that cluster's pictograms on the right."""
    rnd = _Seed(cluster.get("slug", ""))
    color = cluster.get("color", "#0e7490")
    big = (size[0] * SS, size[1] * SS)
    w, h = big
    canvas = _gradient(big, _mix(color, "black", .12), _mix(color, "white", .7), 90 + rnd.between(-8, 8))
    deco = Image.new("RGBA", big, (0, 0, 0, 0))
    dd = ImageDraw.Draw(deco)
    for _ in range(6):
        r = h * rnd.between(.3, .8)
        cx, cy = w * rnd.between(0, 1), h * rnd.between(-.2, 1.2)
        dd.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(255, 255, 255, 40), width=int(h * .012))
    canvas.alpha_composite(deco)
    fns = CLUSTER_PICTOGRAMS.get(cluster.get("slug"), [_crystals])
    pal = _palette(color, rnd)
    side = h * .62
    for i, fn in enumerate(fns):
        x = w - (i + 1) * side * 1.08 - h * .08
        _compose(canvas, fn, pal, rnd, (x, (h - side) / 2, side))
    return canvas.resize(size, Image.Resampling.LANCZOS).convert("RGB")
