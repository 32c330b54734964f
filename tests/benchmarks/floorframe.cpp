// The second floor for starting the window: the window's first frame as plain Qt widgets. The
// same window (1280×800), docks in the same places (the incident commander's workspace), the
// same widget kinds with the same texts, fonts, icons and colours in view, the timeline's first
// page of 256 rows in a tree view: what Qt itself costs to build, lay out and paint that frame,
// without the store, the models, the settings or anything of ours behind the widgets. Built by
// hand after the window as a start on the bench's incident shows it; a change to what the window
// shows at start wants the same change here. Marks its first painted frame like the app.
//   cp_floor_frame [WIDTHxHEIGHT]   (default 1280x800)
#include "resources.h"
#include "widgets/firstframemark.h"
#include "widgets/startuptrace.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenuBar>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace {

QIcon swatch(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(color.darker(130));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(0.5, 0.5, 11, 11));
    return QIcon(pixmap);
}

QFont scaled(QFont font, qreal scale, bool bold)
{
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(bold);
    return font;
}

QStandardItemModel *headers(const QStringList &titles, QObject *parent)
{
    auto *model = new QStandardItemModel(0, int(titles.size()), parent);
    model->setHorizontalHeaderLabels(titles);
    return model;
}

// A list with its column titles and no rows yet (the actions, the decisions).
QTreeView *emptyList(const QStringList &titles)
{
    auto *view = new QTreeView;
    view->setRootIsDecorated(false);
    view->setModel(headers(titles, view));
    return view;
}

QComboBox *combo(const QStringList &items, const QColor &color = {}, bool enabled = true)
{
    auto *box = new QComboBox;
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (const QString &item : items)
        box->addItem(color.isValid() ? swatch(color) : QIcon(), item);
    box->setEnabled(enabled);
    return box;
}

QLineEdit *line(const QString &placeholder, bool enabled = true)
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    edit->setEnabled(enabled);
    return edit;
}

QPushButton *button(const QString &text, bool enabled = true)
{
    auto *push = new QPushButton(text);
    push->setEnabled(enabled);
    return push;
}

QDockWidget *dock(QMainWindow &window, const QString &title, QWidget *content)
{
    auto *d = new QDockWidget(title, &window);
    d->setObjectName(title);
    d->setWidget(content ? content : new QWidget);
    return d;
}

QWidget *rollCall()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *rounds = new QHBoxLayout;
    rounds->addWidget(combo({QStringLiteral("No round yet")}, {}, false));
    rounds->addWidget(new QLabel(QStringLiteral("No roll call yet: Ctrl+Shift+G starts one.")), 1);
    layout->addLayout(rounds);
    auto *start = new QHBoxLayout;
    start->addWidget(combo({QStringLiteral("Everyone holding a role"), QStringLiteral("The command staff")}), 1);
    auto *timeBox = new QSpinBox;
    timeBox->setSpecialValueText(QStringLiteral("time-box"));
    start->addWidget(timeBox);
    start->addWidget(button(QStringLiteral("Start round")));
    start->addWidget(button(QStringLiteral("End round"), false));
    layout->addLayout(start);
    auto *grid = new QTableView;
    grid->setModel(headers({QStringLiteral("Role"), QStringLiteral("Holder"), QStringLiteral("Condition"),
                            QStringLiteral("Actions"), QStringLiteral("Needs"), QStringLiteral("State"),
                            QStringLiteral("Last report")},
                           grid));
    grid->verticalHeader()->hide();
    grid->horizontalHeader()->setStretchLastSection(true);

    auto *form = new QWidget;
    auto *formGrid = new QGridLayout(form);
    auto *calling = new QLabel;
    calling->setFont(scaled(calling->font(), 1.1, true));
    formGrid->addWidget(calling, 0, 0, 1, 4);
    const QStringList titles{QStringLiteral("&Condition"), QStringLiteral("In a &word"),
                             QStringLiteral("&Actions under way"), QStringLiteral("&Needs")};
    const QList<QWidget *> fields{
        combo({QStringLiteral("Healthy"), QStringLiteral("Degraded"), QStringLiteral("Blocked")}, {}, false),
        line(QStringLiteral("e.g. 4% of payments fail"), false), line(QStringLiteral("what they are doing"), false),
        line(QStringLiteral("what they need"), false)};
    for (int c = 0; c < titles.size(); ++c) {
        auto *title = new QLabel(titles.at(c));
        title->setBuddy(fields.at(c));
        formGrid->addWidget(title, 1, c);
        formGrid->addWidget(fields.at(c), 2, c);
    }
    const QStringList buttons{QStringLiteral("Record (Enter)"), QStringLiteral("No answer (F5)"),
                              QStringLiteral("Skip (F6)"), QStringLiteral("Needs → action (Ctrl+Enter)")};
    for (int c = 0; c < buttons.size(); ++c)
        formGrid->addWidget(button(buttons.at(c), false), 3, c);

    auto *missed = new QWidget;
    auto *missedLayout = new QVBoxLayout(missed);
    auto *missedRow = new QHBoxLayout;
    missedRow->addWidget(new QLabel(QStringLiteral("Missed: nobody — every call was answered")), 1);
    missedRow->addWidget(button(QStringLiteral("Dismiss"), false));
    missedLayout->addLayout(missedRow);
    auto *missedView = new QTableView;
    missedView->setModel(
        headers({QStringLiteral("Not answered"), QStringLiteral("Round"), QStringLiteral("Asked")}, missedView));
    missedView->verticalHeader()->hide();
    missedLayout->addWidget(missedView);

    auto *split = new QSplitter(Qt::Vertical);
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->addWidget(grid);
    topLayout->addWidget(form);
    split->addWidget(top);
    split->addWidget(missed);
    layout->addWidget(split, 1);
    return page;
}

QWidget *roles()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *bar = new QToolBar;
    for (const QString &action : {QStringLiteral("Assign role…"), QStringLiteral("Copy chat topic"),
                                  QStringLiteral("Add sub-team…"), QStringLiteral("Add business response"),
                                  QStringLiteral("Zoom out"), QStringLiteral("Zoom in"), QStringLiteral("Fit")})
        bar->addAction(action);
    layout->addWidget(bar);
    auto *chart = new QFrame;
    chart->setFrameShape(QFrame::StyledPanel);
    chart->setBackgroundRole(QPalette::Base);
    chart->setAutoFillBackground(true);
    layout->addWidget(chart, 1);
    return page;
}

QWidget *actions()
{
    auto *page = new QWidget;
    auto *split = new QSplitter(Qt::Vertical);
    auto *actionsPanel = new QWidget;
    auto *actionsLayout = new QVBoxLayout(actionsPanel);
    auto *entry = new QHBoxLayout;
    entry->addWidget(
        line(QStringLiteral("New action, Enter adds it: “Roll back checkout @sme” — @role or @person owns it")), 1);
    entry->addWidget(new QCheckBox(QStringLiteral("Follow-up")));
    actionsLayout->addLayout(entry);
    actionsLayout->addWidget(emptyList({QStringLiteral("#"), QStringLiteral("Action"), QStringLiteral("Owner"),
                                        QStringLiteral("Status"), QStringLiteral("Postmortem")}));
    auto *decisionsPanel = new QWidget;
    auto *decisionsLayout = new QVBoxLayout(decisionsPanel);
    auto *title = new QHBoxLayout;
    auto *decisions = new QLabel(QStringLiteral("Decisions"));
    decisions->setFont(scaled(decisions->font(), 1.0, true));
    title->addWidget(decisions, 1);
    title->addWidget(button(QStringLiteral("Record decision…")));
    decisionsLayout->addLayout(title);
    decisionsLayout->addWidget(emptyList({QStringLiteral("Time"), QStringLiteral("Decision"),
                                          QStringLiteral("Objections"), QStringLiteral("Outcome"),
                                          QStringLiteral("Decided by")}));
    split->addWidget(actionsPanel);
    split->addWidget(decisionsPanel);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(split);
    return page;
}

QWidget *timeline()
{
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    auto *entry = new QHBoxLayout;
    entry->addWidget(combo({QStringLiteral("Note"), QStringLiteral("Decision"), QStringLiteral("Action"),
                            QStringLiteral("Status"), QStringLiteral("Comms"), QStringLiteral("Customer")},
                           QColor(0x5a, 0x63, 0x6e)));
    auto *author = new QLineEdit(QStringLiteral("root"));
    author->setMaximumWidth(author->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 10);
    entry->addWidget(author);
    auto *quick = line(QStringLiteral("Log an entry and press Enter — a: action, d: decision, s: status"));
    quick->setFont(scaled(quick->font(), 1.15, false));
    entry->addWidget(quick, 1);
    entry->addWidget(button(QStringLiteral("Log")));
    layout->addLayout(entry);
    auto *hint = new QLabel(QStringLiteral("Who are you? Type your roster handle in the author field (it is remembered)."));
    hint->setStyleSheet(QStringLiteral("QLabel { color: #c62828; }"));
    layout->addWidget(hint);

    auto *model = new QStandardItemModel(256, 4, page);
    model->setHorizontalHeaderLabels(
        {QStringLiteral("Time"), QStringLiteral("Kind"), QStringLiteral("Author"), QStringLiteral("Entry")});
    const QFont chip = scaled(page->font(), 0.9, true);
    const QStringList authors{QStringLiteral("Ana"), QStringLiteral("Cy"), QStringLiteral("Bo")};
    for (int r = 0; r < 256; ++r) {
        const bool declared = r == 0;
        const int i = 9999 - r;
        auto *kind = new QStandardItem(declared ? QStringLiteral("System") : QStringLiteral("Note"));
        kind->setFont(chip);
        kind->setForeground(Qt::white);
        kind->setBackground(QColor(0x4a, 0x52, 0x5a));
        kind->setSizeHint(QSize(-1, 24)); // the window's rows: a chip with its margins
        auto *text = new QStandardItem(declared ? QStringLiteral("Incident declared: SEV-3 technical — Checkout outage")
                                                : QStringLiteral("status of shard %1: replication lag %2 s, consumer "
                                                                 "group rebalanced")
                                                      .arg(i % 97)
                                                      .arg(i % 13));
        if (declared) {
            QFont bold = text->font();
            bold.setBold(true);
            text->setFont(bold);
            text->setIcon(QIcon(QStringLiteral(":/icons/key-event.svg")));
        }
        const int seconds = declared ? (19 * 60 + 51) * 60 + 33 : (21 * 60 + 33) * 60 + 20 - 2 * r;
        model->setItem(r, 0,
                       new QStandardItem(QTime::fromMSecsSinceStartOfDay(seconds * 1000).toString(
                           QStringLiteral("HH:mm:ss"))));
        model->setItem(r, 1, kind);
        model->setItem(r, 2, new QStandardItem(declared ? QStringLiteral("cli") : authors.at(i % 3)));
        model->setItem(r, 3, text);
    }
    auto *view = new QTreeView;
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setModel(model);
    view->setColumnWidth(0, 90);
    view->setColumnWidth(1, 124);
    view->setColumnWidth(2, 90);
    layout->addWidget(view, 1);
    return page;
}

void statusBar(QMainWindow &window)
{
    QStatusBar *bar = window.statusBar();
    auto *clock = new QLabel(QStringLiteral("T+00:45:59"));
    QFont mono = clock->font();
    mono.setBold(true);
    mono.setStyleHint(QFont::Monospace);
    mono.setFamily(QStringLiteral("monospace"));
    clock->setFont(mono);
    bar->addWidget(clock);
    auto *severity = new QLabel(QStringLiteral("SEV-3"));
    severity->setStyleSheet(QStringLiteral(
        "QLabel { color: #3e2723; background: #fbc02d; border-radius: 3px; padding: 1px 6px; font-weight: bold; }"));
    bar->addWidget(severity);
    auto *status = new QLabel(QStringLiteral("Investigating"));
    status->setStyleSheet(QStringLiteral("QLabel { color: #c62828; font-weight: bold; }"));
    bar->addWidget(status);
    bar->addWidget(new QLabel);
    bar->addWidget(new QLabel(QStringLiteral("No timers running")), 1);
    bar->addPermanentWidget(new QLabel(QStringLiteral("Ready · db10k.sqlite")));
    bar->addPermanentWidget(new QLabel(QStringLiteral("20:37:33 UTC")));
}

void toolBar(QMainWindow &window)
{
    auto *bar = window.addToolBar(QStringLiteral("Incident"));
    bar->setObjectName(QStringLiteral("incidentToolBar"));
    bar->addAction(QIcon(QStringLiteral(":/icons/new-incident.svg")), QStringLiteral("New incident"));
    bar->addWidget(new QLabel(QStringLiteral("Incident")));
    bar->addWidget(combo({QStringLiteral("#1  SEV-3 · Checkout outage")}, QColor(0xfb, 0xc0, 0x2d)));
    bar->addAction(QIcon(QStringLiteral(":/icons/switch-incident.svg")), QStringLiteral("Switch incident"));
    bar->addSeparator();
    bar->addWidget(new QLabel(QStringLiteral("Severity")));
    QComboBox *severity = combo({QStringLiteral("SEV-1 · critical"), QStringLiteral("SEV-2 · major"),
                                 QStringLiteral("SEV-3 · minor"), QStringLiteral("SEV-4 · low")},
                                QColor(0xfb, 0xc0, 0x2d));
    severity->setCurrentIndex(2);
    bar->addWidget(severity);
    bar->addWidget(new QLabel(QStringLiteral("Status")));
    bar->addWidget(combo({QStringLiteral("Investigating"), QStringLiteral("Identified"), QStringLiteral("Monitoring"),
                          QStringLiteral("Resolved")},
                         QColor(0xc6, 0x28, 0x28)));
    bar->addSeparator();
    bar->addAction(QIcon(QStringLiteral(":/icons/undo.svg")), QStringLiteral("Undo"))->setEnabled(false);
    bar->addAction(QIcon(QStringLiteral(":/icons/redo.svg")), QStringLiteral("Redo"))->setEnabled(false);
}

} // namespace

int main(int argc, char *argv[])
{
    cp::StartupTrace::mark("main");
    QApplication app(argc, argv);
    cp::initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/commandpost.svg")));
    cp::StartupTrace::mark("application");
    QMainWindow window;
    window.setWindowTitle(QStringLiteral("#1 Checkout outage — CommandPost"));
    for (const QString &menu : {QStringLiteral("&File"), QStringLiteral("&Edit"), QStringLiteral("&Incident"),
                                QStringLiteral("&Roles"), QStringLiteral("Ti&mers"), QStringLiteral("Roll &call"),
                                QStringLiteral("&View"), QStringLiteral("&Help")})
        window.menuBar()->addMenu(menu);
    toolBar(window);
    statusBar(window);

    QDockWidget *roll = dock(window, QStringLiteral("Roll call"), rollCall());
    QDockWidget *roleChart = dock(window, QStringLiteral("Roles"), roles());
    QDockWidget *actionsDock = dock(window, QStringLiteral("Actions and decisions"), actions());
    QDockWidget *timelineDock = dock(window, QStringLiteral("Timeline"), timeline());
    window.addDockWidget(Qt::LeftDockWidgetArea, roll);
    window.addDockWidget(Qt::RightDockWidgetArea, roleChart);
    window.splitDockWidget(roleChart, actionsDock, Qt::Vertical);
    window.splitDockWidget(actionsDock, timelineDock, Qt::Vertical);
    // The docks behind a tab show only their tabs (the window builds them when first looked at).
    for (const QString &title : {QStringLiteral("Roster"), QStringLiteral("Timers"), QStringLiteral("Call script"),
                                 QStringLiteral("Communications"), QStringLiteral("Business response")}) {
        QDockWidget *behind = dock(window, title, nullptr);
        window.tabifyDockWidget(roll, behind);
    }
    roll->raise();

    const QList<QByteArray> size = QByteArray(argc > 1 ? argv[1] : "1280x800").split('x');
    window.resize(size.value(0).toInt(), size.value(1).toInt());
    window.resizeDocks({roleChart, actionsDock, timelineDock}, {216, 296, 288}, Qt::Vertical);
    window.resizeDocks({roll, timelineDock}, {640, 640}, Qt::Horizontal);
    cp::StartupTrace::mark("window built");
    cp::FirstFrameMark::installIfRequested(&window);
    window.show();
    cp::StartupTrace::mark("window shown");
    return QApplication::exec();
}
