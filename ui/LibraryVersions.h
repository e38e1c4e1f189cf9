#pragma once

#include <QString>

namespace glasshart {

// The versions of the libraries Glasshart is made of, for the About dialog
// and bug reports: "6.4.2". Where a library is linked dynamically both the
// version it was built against and the one running are given, since a
// distribution upgrade can change the second without a rebuild.
struct LibraryVersions {
    QString qtRuntime;
    QString qtBuilt;
    QString asmjit;  // static: built in, so one version
    QString capstoneRuntime;
    QString capstoneBuilt;
};

[[nodiscard]] LibraryVersions libraryVersions();

}  // namespace glasshart
