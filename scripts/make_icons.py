"""Draw the installable app's icons (the favicon's lens, on a full-bleed square so that
"maskable" crops keep it whole): icon.svg and PNGs at 192 and 512 px. Run once after a change:
    python scripts/make_icons.py"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "src/laborlens/static/laborlens/icons"
BRAND = (11, 79, 108)
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">\
<rect width="512" height="512" fill="#0b4f6c"/>\
<circle cx="224" cy="224" r="96" fill="none" stroke="#fff" stroke-width="40"/>\
<path d="M292 292l92 92" stroke="#fff" stroke-width="40" stroke-linecap="round"/></svg>
"""


def png(size: int) -> Image.Image:
    scale = 4  # drawn large, then reduced, for smooth edges
    big = 512 * scale
    image = Image.new("RGB", (big, big), BRAND)
    draw = ImageDraw.Draw(image)
    r, c, w = 96 * scale, 224 * scale, 40 * scale
    draw.ellipse((c - r - w // 2, c - r - w // 2, c + r + w // 2, c + r + w // 2), fill="white")
    draw.ellipse((c - r + w // 2, c - r + w // 2, c + r - w // 2, c + r - w // 2), fill=BRAND)
    draw.line((292 * scale, 292 * scale, 384 * scale, 384 * scale), fill="white", width=w)
    for x, y in ((292, 292), (384, 384)):
        draw.ellipse(((x - 20) * scale, (y - 20) * scale, (x + 20) * scale, (y + 20) * scale), fill="white")
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "icon.svg").write_text(SVG, encoding="utf-8")
    for size in (192, 512):
        png(size).save(OUT / f"icon-{size}.png", optimize=True)


if __name__ == "__main__":
    main()
