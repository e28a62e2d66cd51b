{
  "targets": [
    {
      "target_name": "lookout_native",
      "sources": [
        "src/addon.cc",
        "src/bindings/cfar.cc",
        "src/bindings/extract.cc",
        "src/bindings/level.cc",
        "src/bindings/mask.cc",
        "src/bindings/sys.cc",
        "src/kernels/cfar1d.cc",
        "src/kernels/cfar2d.cc",
        "src/kernels/extract.cc",
        "src/kernels/level.cc",
        "src/kernels/mask.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=9", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags_cc": ["-std=c++17", "-O3", "-fno-exceptions", "-ffp-contract=off", "-fno-math-errno", "-Wall", "-Wextra", "-Wno-unused-parameter"],
      "cflags_cc!": ["-fno-rtti"],
      "cflags!": ["-O2"],
      "xcode_settings": {
        "OTHER_CPLUSPLUSFLAGS": ["-std=c++17", "-O3", "-ffp-contract=off"]
      }
    }
  ]
}
