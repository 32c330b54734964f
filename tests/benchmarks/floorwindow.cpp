// The floor for starting the window: a bare QMainWindow with the same number of docks as
// CommandPost's, each a table view (the first with a timeline's first page of 256 rows), and
// nothing else: no database, no icons, no settings. Marks its first painted frame like the app.
//   cp_floor_window DOCKS [WIDTHxHEIGHT]   (the size the window opens at; default 1280x800)
#include "widgets/firstframemark.h"
#include "widgets/startuptrace.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QStandardItemModel>
#include <QTableView>

int main(int argc, char *argv[])
{
    cp::StartupTrace::mark("main");
    QApplication app(argc, argv);
    cp::StartupTrace::mark("application");
    const int docks = argc > 1 ? QByteArray(argv[1]).toInt() : 1;
    QMainWindow window;
    for (int d = 0; d < docks; ++d) {
        const int rows = d == 0 ? 256 : 16;
        auto *model = new QStandardItemModel(rows, 4, &window);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < 4; ++c)
                model->setItem(r, c, new QStandardItem(QStringLiteral("row %1, column %2").arg(r).arg(c)));
        }
        auto *view = new QTableView;
        view->setModel(model);
        auto *dock = new QDockWidget(QStringLiteral("Dock %1").arg(d + 1), &window);
        dock->setObjectName(QStringLiteral("dock%1").arg(d));
        dock->setWidget(view);
        window.addDockWidget(d % 2 == 0 ? Qt::LeftDockWidgetArea : Qt::RightDockWidgetArea, dock);
    }
    const QList<QByteArray> size = QByteArray(argc > 2 ? argv[2] : "1280x800").split('x');
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    cp::StartupTrace::mark("window built");
    cp::FirstFrameMark::installIfRequested(&window);
    window.show();
    cp::StartupTrace::mark("window shown");
    return QApplication::exec();
}
