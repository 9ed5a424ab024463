"""Generated demo imagery: a flat, geometric pictogram per product on a soft gradient in the cluster colour.

Pillow primitives only (no fonts, no files). Output is deterministic: small variations (accent colour,
pattern, element count, tilt) are derived from a SHA-256 of the SKU, so products don't all look alike.
The pictograms themselves are drawn by :mod:`storefront.demo.pictograms`.
"""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageFilter

from storefront.demo import pictograms
from storefront.demo.pictograms import ACCENTS, CLUSTER_PICTOGRAMS, SS, Pen, Seed, crystals, mix, pictogram_for, rgb

#: The modules whose code decides what a picture looks like (the demo image cache is keyed by their source).
SOURCES = (__file__, pictograms.__file__)


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
    img = _gradient(size, mix(color, "white", 0.88), mix(color, "white", 0.52), rnd.between(-35, 35))
    glow = Image.new("L", size, 0)
    gd = ImageDraw.Draw(glow)
    for k in range(3):
        r = min(w, h) * rnd.between(0.18, 0.42)
        cx, cy = w * rnd.between(0.1, 0.9), h * rnd.between(0.1, 0.9)
        gd.ellipse([cx - r, cy - r, cx + r, cy + r], fill=30 + 14 * k)
    tint = Image.new("RGBA", size, mix(color, "white", 0.45))
    tint.putalpha(_soft(glow, min(w, h) * 0.04))
    return Image.alpha_composite(img, tint)


def _compose(canvas, draw_fn, pal, rnd, box):
    """Draw a pictogram on its own layer, tilt it slightly and composite it with a soft shadow."""
    x0, y0, side = box
    m = int(side * 0.1)  # margin so tilted corners are kept
    layer = Image.new("RGBA", (int(side) + 2 * m,) * 2, (0, 0, 0, 0))
    draw_fn(layer, Pen(layer, m, m, side), pal, rnd)
    layer = layer.rotate(rnd.between(-7, 7), resample=Image.Resampling.BILINEAR)
    shadow = Image.new("RGBA", layer.size, mix(pal["base"], "black", 0.6))
    shadow.putalpha(_soft(layer.getchannel("A").point(lambda a: int(a * 0.35)), side * 0.025))
    canvas.alpha_composite(shadow, (int(x0) - m, int(y0 + side * 0.03) - m))
    canvas.alpha_composite(layer, (int(x0) - m, int(y0) - m))


def _palette(color, rnd, name="") -> dict:
    return {
        "base": rgb(color),
        "dark": mix(color, "black", 0.28),
        "light": mix(color, "white", 0.8),
        "accent": rgb(rnd.pick(ACCENTS)),
        "name": name.lower(),
    }


def render_product_image(product: dict, cluster_color: str, size=(800, 800)) -> Image.Image:
    """An RGB product picture: gradient in the cluster colour plus a category pictogram varied by SKU."""
    rnd = Seed(product.get("sku", ""))
    big = (size[0] * SS, size[1] * SS)
    canvas = _background(big, cluster_color, rnd)
    side = min(big) * 0.72
    pal = _palette(cluster_color, rnd, product.get("text", {}).get("en", {}).get("name", ""))
    _compose(canvas, pictogram_for(product), pal, rnd, ((big[0] - side) / 2, (big[1] - side) / 2, side))
    return canvas.resize(size, Image.Resampling.LANCZOS).convert("RGB")


def render_cluster_banner(cluster: dict, size=(1200, 400)) -> Image.Image:
    """A wide RGB banner: cluster-colour gradient with a row of that cluster's pictograms on the right."""
    rnd = Seed(cluster.get("slug", ""))
    color = cluster.get("color", "#0e7490")
    big = (size[0] * SS, size[1] * SS)
    w, h = big
    canvas = _gradient(big, mix(color, "black", 0.12), mix(color, "white", 0.7), 90 + rnd.between(-8, 8))
    deco = Image.new("RGBA", big, (0, 0, 0, 0))
    dd = ImageDraw.Draw(deco)
    for _ in range(6):
        r = h * rnd.between(0.3, 0.8)
        cx, cy = w * rnd.between(0, 1), h * rnd.between(-0.2, 1.2)
        dd.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(255, 255, 255, 40), width=int(h * 0.012))
    canvas.alpha_composite(deco)
    fns = CLUSTER_PICTOGRAMS.get(cluster.get("slug"), [crystals])
    pal = _palette(color, rnd)
    side = h * 0.62
    for i, fn in enumerate(fns):
        x = w - (i + 1) * side * 1.08 - h * 0.08
        _compose(canvas, fn, pal, rnd, (x, (h - side) / 2, side))
    return canvas.resize(size, Image.Resampling.LANCZOS).convert("RGB")
