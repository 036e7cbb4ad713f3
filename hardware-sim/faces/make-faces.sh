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

# Hats drawn over camera frames, for the hat check (see the face package's HatCheck). Each is placed by the
# detector's eye keypoints on the frame (eye midpoint x y, roll in degrees, eye distance d, all measured once
# with FaceDetector and written here); shapes are in eye distances, so one recipe fits any face.
hat() { # frame target style colour x y roll d
  local src="$out/$1" dst="$out/$2" style="$3" colour="$4" x="$5" y="$6" roll="$7" d="$8"
  local s; s() { awk -v d="$d" -v f="$1" 'BEGIN { printf "%.1f", d * f }'; }
  local place="translate $x,$y rotate $roll"
  local shadow crown brim dark=0.5
  case "$style" in
    cap)    # peaked cap: dome, a visor curving over the brow, its shadow over the eyes
      shadow="rectangle $(s -1.1),$(s -0.5) $(s 1.1),$(s 0.15)"
      crown="ellipse 0,$(s -0.45) $(s 1.65),$(s 1.9) 180,360"
      brim="ellipse 0,$(s -0.47) $(s 1.1),$(s 0.26) 0,180" ;;
    beanie) # knitted hat pulled down to the eyebrows, with a turned-up cuff
      shadow="rectangle $(s -1.1),$(s -0.45) $(s 1.1),$(s -0.2)"
      crown="ellipse 0,$(s -0.42) $(s 1.5),$(s 1.9) 180,360"
      brim="rectangle $(s -1.5),$(s -0.75) $(s 1.5),$(s -0.42)" ;;
    low)    # the same bucket hat worn low: its deep shadow over the eyes keeps the face from matching at all
      dark=0.88
      shadow="rectangle $(s -1.4),$(s -0.55) $(s 1.4),$(s 0.4)"
      crown="ellipse 0,$(s -0.6) $(s 1.4),$(s 1.7) 180,360"
      brim="ellipse 0,$(s -0.6) $(s 2.0),$(s 0.28) 0,360" ;;
    brimmed) # bucket hat: dome and a wide brim all round
      shadow="rectangle $(s -1.4),$(s -0.55) $(s 1.4),$(s 0.3)"
      crown="ellipse 0,$(s -0.6) $(s 1.4),$(s 1.7) 180,360"
      brim="ellipse 0,$(s -0.6) $(s 2.0),$(s 0.28) 0,360" ;;
  esac
  convert "$src" \
    \( +clone -alpha transparent -fill "rgba(0,0,0,$dark)" -draw "$place $shadow" -blur 0x$(s 0.12) \) -composite \
    \( +clone -alpha transparent -fill "$colour" -draw "$place $crown" -fill "$colour" -draw "$place $brim" \
       -fill 'rgba(0,0,0,0.3)' -draw "$place $brim" \
       -channel RGB -seed 5 -attenuate 0.4 +noise Gaussian +channel \) -composite \
    -strip -dither None -colors 256 "PNG8:$dst"
}

hat astronaut.png astronaut-cap.png     cap     '#1f2b4a' 272.6 163.2 5.4   70.6
hat person-b.png  person-b-beanie.png   beanie  '#8c2432' 205.0 216.5 -13.4 81.0
hat person-c.png  person-c-brimmed.png  brimmed '#3d5a3a' 324.0 233.8 16.0  116.0
hat person-c.png  person-c-hat-low.png  low     '#3d5a3a' 324.0 233.8 16.0  116.0

ls -l "$out"/*.png
