#pragma once

#include <QString>

class QFile;

namespace moim::server {

// The type of a stored file, told by its content (magic bytes, a ZIP's entries, a whole file of
// UTF-8 text); the name a client gave never decides (docs/protocol.md "Files").
namespace fileType {

inline constexpr auto Png = "image/png";
inline constexpr auto Jpeg = "image/jpeg";
inline constexpr auto Gif = "image/gif";
inline constexpr auto Webp = "image/webp";
inline constexpr auto Pdf = "application/pdf";
inline constexpr auto Zip = "application/zip";
inline constexpr auto Docx =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
inline constexpr auto Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
inline constexpr auto Pptx =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";
inline constexpr auto Hwpx = "application/hwp+zip";
inline constexpr auto Hwp = "application/x-hwp";
inline constexpr auto Text = "text/plain; charset=utf-8";
inline constexpr auto Unknown = "application/octet-stream";

// Reads the open file (from anywhere; it is left at an unspecified position).
QString sniff(QFile &file);

} // namespace fileType

} // namespace moim::server
