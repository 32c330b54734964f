# Precompiled Qt headers. Every source file of ours starts by parsing the same Qt headers (tens of
# thousands of lines, a test's <QtTest> alone ~100k); a precompiled header parses them once per
# target, or once for a whole family of test executables (REUSE_FROM). Only Qt's headers go in:
# a change to one of ours must not rebuild everything.
#
# A header can be reused only by targets compiled with the same definitions (GCC otherwise ignores
# it with -Winvalid-pch, an error in CI, and clang refuses it): see cp_test_pch.

set(CP_PCH_CORE
    <QCoreApplication> <QObject> <QString> <QStringList> <QByteArray> <QList> <QHash> <QSet> <QMap>
    <QVariant> <QDateTime> <QTimeZone> <QRegularExpression> <QFile> <QFileInfo> <QDir> <QSaveFile>
    <QJsonArray> <QJsonDocument> <QJsonObject> <QAbstractTableModel> <QAbstractItemModel>
    <QSqlDatabase> <QSqlQuery> <QSqlError> <QTimer> <optional> <memory> <functional> <algorithm>)

set(CP_PCH_WIDGETS
    ${CP_PCH_CORE}
    <QApplication> <QWidget> <QDialog> <QDialogButtonBox> <QLabel> <QLineEdit> <QPushButton>
    <QComboBox> <QCheckBox> <QVBoxLayout> <QHBoxLayout> <QFormLayout> <QAction> <QMenu> <QDockWidget>
    <QHeaderView> <QTreeView> <QTableView> <QPlainTextEdit> <QPainter> <QStyledItemDelegate> <QUndoStack>
    <QKeyEvent> <QMessageBox>)

# cp_precompile(TARGET HEADERS...): the target's own precompiled header.
function(cp_precompile target)
    if(CP_PRECOMPILED_HEADERS)
        target_precompile_headers(${target} PRIVATE ${ARGN})
    endif()
endfunction()

# cp_test_pch(TARGET core|gui|ui): TARGET, a test linking Qt Test with the core alone (core), with
# Qt GUI as well (gui: paper output, the CLI's commands) or with the widgets library (ui), uses its
# family's precompiled header. Qt Test's header checks which Qt modules are linked and names the
# test's folder (QT_TESTCASE_BUILDDIR), so there is one header per family and folder, built by a
# host target that does nothing else.
function(cp_test_pch target family)
    if(NOT CP_PRECOMPILED_HEADERS)
        return()
    endif()
    get_filename_component(folder "${CMAKE_CURRENT_SOURCE_DIR}" NAME)
    set(host cp_pch_${family}_${folder})
    if(NOT TARGET ${host})
        if(family STREQUAL "ui")
            set(headers ${CP_PCH_WIDGETS})
            set(libs commandpost_ui)
        elseif(family STREQUAL "gui")
            set(headers ${CP_PCH_CORE})
            set(libs commandpost_render)
        else()
            set(headers ${CP_PCH_CORE})
            set(libs commandpost_core)
        endif()
        set(source "${CMAKE_CURRENT_BINARY_DIR}/${host}.cpp")
        file(CONFIGURE OUTPUT "${source}" CONTENT "// Only builds the precompiled header of ${host}.\n")
        add_library(${host} OBJECT "${source}")
        set_target_properties(${host} PROPERTIES AUTOMOC OFF AUTORCC OFF AUTOUIC OFF)
        target_link_libraries(${host} PRIVATE ${libs} Qt6::Test cp_build_flags)
        target_precompile_headers(${host} PRIVATE ${headers} <QtTest>)
    endif()
    target_precompile_headers(${target} REUSE_FROM ${host})
endfunction()
