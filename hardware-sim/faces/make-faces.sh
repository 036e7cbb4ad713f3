#!/usr/bin/env bash
# Regenerates the face images in this folder from their registry sources (see hardware-sim/README.md,
# section "Face images"). Needs: apt-get (python3-skimage is only downloaded, not installed), npm, and
# ImageMagick's convert (apt-get install imagemagick). Crop boxes are in source-image pixels; the face boxes
# they were placed around came from OpenCV's Haar frontal-face cascade on the full source images.
set -euo pipefail

out="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

apt-get download python3-skimage >/dev/null
dpkg-deb --fsys-tarfile python3-skimage_*.deb \
  | tar -x ./usr/lib/python3/dist-packages/skimage/data/astronaut.png
astronaut="$work/usr/lib/python3/dist-packages/skimage/data/astronaut.png"

npm pack --silent @vladmandic/face-api@1.7.15 >/dev/null
tar -xzf vladmandic-face-api-1.7.15.tgz package/demo package/LICENSE
demo="$work/package/demo"

# Camera frames: 640x480, face 150-300 px wide, slightly different light and a small head roll
# so that a frame is never a pixel copy of the card photo.
frame() { # source crop target
  convert "$1" -crop "$2" +repage -resize '640x480!' -modulate 106,92 \
    -virtual-pixel edge -distort SRT 2 -strip -dither None -colors 256 "PNG8:$out/$3"
}
# Card photos: head and shoulders, 240x300, as printed on the card (the virtual card stores it as JPEG 2000).
card() { # source crop target
  convert "$1" -crop "$2" +repage -resize '240x300!' -strip -dither None -colors 256 "PNG8:$out/$3"
}

frame "$astronaut"       400x300+56+0     astronaut.png
card  "$astronaut"       177x222+135+20   astronaut-card.png
frame "$demo/sample5.jpg" 600x450+1290+300 person-b.png
card  "$demo/sample5.jpg" 467x590+1248+285 person-b-card.png
frame "$demo/sample3.jpg" 600x450+860+110 person-c.png
card  "$demo/sample3.jpg" 557x703+887+70  person-c-card.png
card  "$demo/sample3.jpg" 466x588+441+217 person-d-card.png
card  "$demo/sample4.jpg" 430x537+830+88  person-e-card.png
frame "$demo/sample3.jpg" 853x640+950+100 two-faces.png
frame "$demo/sample3.jpg" 520x390+0+0     no-face.png

ls -l "$out"/*.png
