#include "shadowwindow.h"

#include "db/incidentstore.h"
#include "domain/clock.h"
#include "models/incidentlistmodel.h"
#include "models/roletreemodel.h"
#include "models/timelinemodel.h"
#include "models/timermodel.h"
#include "notedtimelinemodel.h"
#include "notes/traineenotemodel.h"
#include "notes/traineenotes.h"
#include "rollcallpanel.h"
#include "staffedrolelist.h"
#include "traineenotespanel.h"
#include "widgets/accessiblename.h"
#include "widgets/incidentclocklabel.h"
#include "widgets/kindstyle.h"
#include "widgets/timelinedelegate.h"
#include "widgets/timerdelegate.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QResizeEvent>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <QWindow>

namespace cp {

namespace {

QLabel *panelTitle(QWidget *parent, const char *name)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QWidget *panel(QLabel *title, QWidget *content, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addWidget(title);
    layout->addWidget(content, 1);
    return box;
}

// A plain QWidget window is a "filler" to assistive technology; the shadow view is a window.
QAccessibleInterface *shadowWindowAccessible(const QString &className, QObject *object)
{
    if (className == QLatin1String("cp::ShadowWindow") && object && object->isWidgetType())
        return new QAccessibleWidget(static_cast<QWidget *>(object), QAccessible::Window);
    return nullptr;
}

} // namespace

ShadowWindow::ShadowWindow(IncidentStore &store, const Clock &clock, TraineeNotes *notes, QWidget *parent)
    : QWidget(parent, Qt::Window), m_store(store), m_clock(clock), m_notes(notes),
      m_roleModel(new RoleTreeModel(store, this)), m_timerModel(new TimerModel(store, this)),
      m_timelineModel(new TimelineModel(store, this)), m_notedTimeline(new NotedTimelineModel(this))
{
    setObjectName(QStringLiteral("shadowWindow"));
    static const bool factoryInstalled = [] {
        QAccessible::installFactory(shadowWindowAccessible);
        return true;
    }();
    Q_UNUSED(factoryInstalled)
    setAttribute(Qt::WA_DeleteOnClose, false);
    m_basePointSize = QApplication::font().pointSizeF();
    if (m_notes)
        m_noteModel = new TraineeNoteModel(*m_notes, this);
    m_notedTimeline->setSourceModel(m_timelineModel);
    m_notedTimeline->setNotes(m_noteModel);
    m_timelineModel->setBatchSize(100);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    buildHeader(layout);

    // The role chart, read-only: nothing can be dropped on it here.
    m_chart = new StaffedRoleList(*m_roleModel, this);
    m_chart->setObjectName(QStringLiteral("shadowRoleChart"));

    m_timersView = new QTreeView(this);
    m_timersView->setObjectName(QStringLiteral("shadowTimers"));
    m_timersView->setModel(m_timerModel);
    auto *timerDelegate = new TimerDelegate(m_timersView);
    // The names are a step smaller than the body (see applyType); the times stay large.
    timerDelegate->setRemainingScale(1.15 / TimerNameScale);
    timerDelegate->setShortestRemaining(QStringLiteral("0:00")); // the column follows the times shown
    m_timersView->setItemDelegate(timerDelegate);
    m_timersView->setRootIsDecorated(false);
    m_timersView->setUniformRowHeights(true);
    m_timersView->setSelectionMode(QAbstractItemView::NoSelection);
    m_timersView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timersView->setFocusPolicy(Qt::NoFocus);
    m_timersView->setColumnHidden(TimerModel::KindColumn, true);
    m_timersView->setColumnHidden(TimerModel::DeadlineColumn, true);
    m_timersView->setColumnHidden(TimerModel::StateColumn, true);
    // Name, owner, time need no heading on a wall; fitTimerColumns shares the width.
    m_timersView->setHeaderHidden(true);
    m_timersView->setTextElideMode(Qt::ElideRight);
    m_timersView->header()->setStretchLastSection(false);
    m_timersView->header()->setSectionResizeMode(QHeaderView::Fixed);
    m_timersView->header()->setSectionResizeMode(TimerModel::LabelColumn, QHeaderView::Stretch);
    m_timersView->header()->setMinimumSectionSize(40);
    m_timersView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_timerModel, signal, this, &ShadowWindow::fitTimerColumns);
    connect(m_timerModel, &QAbstractItemModel::modelReset, this, &ShadowWindow::fitTimerColumns);

    m_rollCallBox = new QWidget(this);
    m_rollCallBox->setObjectName(QStringLiteral("shadowRollCall"));
    auto *rollCallLayout = new QVBoxLayout(m_rollCallBox);
    rollCallLayout->setContentsMargins(0, 0, 0, 0);
    m_rollCallPlaceholder = new QLabel(m_rollCallBox);
    m_rollCallPlaceholder->setObjectName(QStringLiteral("shadowRollCallPlaceholder"));
    m_rollCallPlaceholder->setWordWrap(true);
    m_rollCallPlaceholder->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    rollCallLayout->addWidget(m_rollCallPlaceholder);
    m_rollCallPlaceholder->hide();
    m_rollCall = new RollCallPanel(store, m_rollCallBox);
    rollCallLayout->addWidget(m_rollCall);

    m_timelineView = new QTreeView(this);
    m_timelineView->setObjectName(QStringLiteral("shadowTimeline"));
    m_timelineView->setModel(m_notedTimeline);
    auto *delegate = new TimelineDelegate(m_timelineView);
    m_timelineView->setItemDelegate(delegate);
    m_timelineView->setRootIsDecorated(false);
    m_timelineView->setUniformRowHeights(true);
    m_timelineView->setAllColumnsShowFocus(true);
    m_timelineView->setAlternatingRowColors(true);
    m_timelineView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_timelineView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_timelineView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_timelineView->setColumnHidden(TimelineModel::AuthorColumn, false);
    m_timelineView->header()->setStretchLastSection(true);
    // Time, kind, author, entry: plain without a heading. An entry takes a second line rather
    // than being cut at the edge, so rows are as tall as their text; they are laid out again
    // when the entry column's width changes.
    m_timelineView->setHeaderHidden(true);
    m_timelineView->setUniformRowHeights(false);
    delegate->setTextLines(2);
    delegate->setChipScale(0.65); // the kind is told by its colour; the entry needs the width
    connect(m_timelineView->header(), &QHeaderView::sectionResized, this, [this](int column) {
        if (column == TimelineModel::TextColumn)
            m_relayoutTimeline.start();
    });
    m_relayoutTimeline.setSingleShot(true);
    m_relayoutTimeline.setInterval(0);
    m_relayoutTimeline.callOnTimeout(m_timelineView, &QTreeView::doItemsLayout);
    m_newEntriesNote = new QPushButton(this);
    m_newEntriesNote->setObjectName(QStringLiteral("shadowNewEntries"));
    m_newEntriesNote->setFlat(true);
    m_newEntriesNote->setFocusPolicy(Qt::NoFocus); // a note to click; Ctrl+Home goes up from the keyboard
    m_newEntriesNote->setVisible(false);
    connect(m_newEntriesNote, &QPushButton::clicked, this, [this] { m_timelineView->scrollToTop(); });
    connect(m_timelineView->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_timelineView->verticalScrollBar()->minimum())
            setUnseenEntries(0);
    });
    connect(m_notedTimeline, &QAbstractItemModel::rowsAboutToBeInserted, this, &ShadowWindow::rememberScroll);
    connect(m_notedTimeline, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { keepScroll(first, last); });

    m_rolesTitle = panelTitle(this, "shadowRolesTitle");
    m_timersTitle = panelTitle(this, "shadowTimersTitle");
    m_rollCallTitle = panelTitle(this, "shadowRollCallTitle");
    m_timelineTitle = panelTitle(this, "shadowTimelineTitle");

    // Laid out for reading from across the room: above, the timers and the roll call side by
    // side; below, the timeline with the role chart (only the staffed roles) and the trainee's
    // notes beside it. The timeline keeps three fifths of the height (see resizeEvent).
    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(panel(m_timersTitle, m_timersView, top));
    top->addWidget(panel(m_rollCallTitle, m_rollCallBox, top));
    top->setStretchFactor(0, 2);
    top->setStretchFactor(1, 3);
    top->setSizes({2000, 3000});
    auto *timelineBox = new QWidget(this);
    auto *timelineLayout = new QVBoxLayout(timelineBox);
    timelineLayout->setContentsMargins(4, 4, 4, 4);
    timelineLayout->setSpacing(2);
    auto *timelineHead = new QHBoxLayout;
    timelineHead->addWidget(m_timelineTitle);
    timelineHead->addStretch(1);
    timelineHead->addWidget(m_newEntriesNote);
    timelineLayout->addLayout(timelineHead);
    timelineLayout->addWidget(m_timelineView, 1);
    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(panel(m_rolesTitle, m_chart, side));
    m_notesPanel = new TraineeNotesPanel(store, m_notes, m_noteModel, m_timelineView, side);
    side->addWidget(m_notesPanel);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 1);
    side->setSizes({3000, 1000});
    side->setChildrenCollapsible(false);
    auto *bottom = new QSplitter(Qt::Horizontal, this);
    bottom->addWidget(timelineBox);
    bottom->addWidget(side);
    bottom->setStretchFactor(0, 5);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({5000, 2000});
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("shadowSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(bottom);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    layout->addWidget(m_splitter, 1);

    m_controlsLayout = new QVBoxLayout;
    m_controlsLayout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_controlsLayout);

    auto action = [this](const char *name, const QKeySequence &key, auto slot) {
        auto *a = new QAction(this);
        a->setObjectName(QLatin1String(name));
        a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    m_fullScreenAction = action("shadowFullScreenAction", QKeySequence(Qt::Key_F11), [this] { toggleFullScreen(); });
    m_nextScreenAction = action("shadowNextScreenAction", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S), [this] {
        const int count = static_cast<int>(QGuiApplication::screens().size());
        if (count > 1)
            moveToScreen((static_cast<int>(QGuiApplication::screens().indexOf(screen())) + 1) % count);
    });
    m_biggerAction = action("shadowBiggerAction", QKeySequence::ZoomIn, [this] { setTypeScale(m_typeScale + 0.25); });
    m_smallerAction =
        action("shadowSmallerAction", QKeySequence::ZoomOut, [this] { setTypeScale(m_typeScale - 0.25); });
    m_noteAction =
        action("shadowNoteAction", QKeySequence(Qt::CTRL | Qt::Key_N), [this] { m_notesPanel->focusNewNote(); });
    auto *replay = action("shadowReplayAction", QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_R), [this] {
        if (m_replayButton->isVisible())
            emit replayRequested();
    });
    Q_UNUSED(replay)
    auto *leave = new QAction(this);
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(leave, &QAction::triggered, this, [this] {
        if (isFullScreen())
            toggleFullScreen();
    });
    addAction(leave);

    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, [this](qint64 id) {
        if (id == m_incidentId)
            refreshIncident();
        m_lastChangeSeen = m_clock.nowUtc();
        refreshSourceLine();
    });
    connect(&m_store.incidents(), &IncidentRepository::incidentAdded, this, [this](qint64 id) {
        m_lastChangeSeen = m_clock.nowUtc();
        if (m_waitingForIncident)
            setIncident(id);
        refreshSourceLine();
    });
    auto seen = [this] {
        m_lastChangeSeen = m_clock.nowUtc();
        refreshSourceLine();
    };
    connect(&m_store.timeline(), &TimelineRepository::entryAdded, this, seen);
    connect(&m_store.timers(), &TimerRepository::timerChanged, this, seen);
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, seen);

    m_ticker.setInterval(1000);
    m_ticker.setTimerType(Qt::CoarseTimer);
    m_ticker.callOnTimeout(this, &ShadowWindow::tick);
    m_ticker.start();

    retranslateUi();
    setTypeScale(DefaultTypeScale);
    resize(1280, 800);
    setIncident(0);
}

ShadowWindow::~ShadowWindow() = default;

void ShadowWindow::buildHeader(QVBoxLayout *layout)
{
    auto *row = new QHBoxLayout;
    row->setSpacing(12);
    m_severityLabel = new QLabel(this);
    m_severityLabel->setObjectName(QStringLiteral("shadowSeverity"));
    m_severityLabel->setAlignment(Qt::AlignCenter);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("shadowTitle"));
    m_titleLabel->setTextFormat(Qt::PlainText);
    m_titleLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_titleLabel->setMinimumWidth(80);
    m_titleLabel->setWordWrap(true); // a long title takes a second line rather than being cut
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("shadowStatus"));
    m_clockLabel = new IncidentClockLabel(m_clock, this);
    m_clockLabel->setObjectName(QStringLiteral("shadowClock"));
    m_wallClock = new QLabel(this);
    m_wallClock->setObjectName(QStringLiteral("shadowWallClock"));
    m_incidentCombo = new QComboBox(this);
    m_incidentCombo->setObjectName(QStringLiteral("shadowIncidentCombo"));
    m_incidentCombo->setVisible(false);
    // The title is written large above: the chooser needs only enough of it to pick one, and the
    // line's room goes to what is followed.
    m_incidentCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_incidentCombo->setMinimumContentsLength(18);
    m_screenButton = new QToolButton(this);
    m_screenButton->setObjectName(QStringLiteral("shadowScreenButton"));
    m_screenButton->setPopupMode(QToolButton::InstantPopup);
    auto *screenMenu = new QMenu(m_screenButton);
    connect(screenMenu, &QMenu::aboutToShow, this, &ShadowWindow::fillScreenMenu);
    m_screenButton->setMenu(screenMenu);
    m_replayButton = new QToolButton(this);
    m_replayButton->setObjectName(QStringLiteral("shadowReplayButton"));
    m_replayButton->setVisible(false);
    connect(m_replayButton, &QToolButton::clicked, this, &ShadowWindow::replayRequested);

    QFont big = m_titleLabel->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.6);
    m_titleLabel->setFont(big);
    m_severityLabel->setFont(big);
    m_statusLabel->setFont(big);
    m_clockLabel->setFont(big);

    // The title the whole width beside the severity, so that a long one takes two lines at most
    // on a 1280-pixel screen; the status and the clocks lead the line under it.
    row->addWidget(m_severityLabel);
    row->addWidget(m_titleLabel, 1);
    layout->addLayout(row);

    auto *second = new QHBoxLayout;
    second->setSpacing(12);
    second->addWidget(m_statusLabel);
    second->addWidget(m_clockLabel);
    second->addWidget(m_wallClock);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setObjectName(QStringLiteral("shadowSource"));
    m_sourceLabel->setTextFormat(Qt::PlainText);
    m_sourceLabel->setWordWrap(true); // beside the large status, two small lines fit
    m_sourceLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_bannerLabel = new QLabel(this);
    m_bannerLabel->setObjectName(QStringLiteral("shadowBanner"));
    m_bannerLabel->setTextFormat(Qt::PlainText);
    m_bannerLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_bannerLabel->setVisible(false);
    second->addWidget(m_incidentCombo);
    second->addWidget(m_sourceLabel, 1);
    second->addWidget(m_bannerLabel, 1);
    second->addWidget(m_replayButton);
    second->addWidget(m_screenButton);
    layout->addLayout(second);
}

void ShadowWindow::retranslateUi()
{
    setAccessibleLabel(m_incidentCombo, tr("Incident"));
    setAccessibleLabel(m_chart, tr("Roles"));
    setAccessibleLabel(m_timersView, tr("Timers"));
    setAccessibleLabel(m_timelineView, tr("Latest on the timeline"));
    if (m_unseenEntries == 0)
        m_newEntriesNote->setAccessibleName(tr("No new entries above"));
    m_rolesTitle->setText(tr("Roles"));
    m_timersTitle->setText(tr("Timers"));
    m_rollCallTitle->setText(tr("Roll call"));
    m_timelineTitle->setText(tr("Latest on the timeline"));
    m_rollCallPlaceholder->setText(tr("The roll call appears here: who answered, and the missed items."));
    m_rollCall->retranslateUi();
    m_notesPanel->retranslateUi();
    m_screenButton->setText(tr("Screen"));
    m_screenButton->setToolTip(tr("Move this view to another screen (Ctrl+Shift+S); F11: full screen"));
    m_replayButton->setText(tr("Replay…"));
    m_replayButton->setToolTip(tr("Replay a resolved incident for training (Ctrl+Alt+R)"));
    m_fullScreenAction->setText(tr("Full screen"));
    m_nextScreenAction->setText(tr("Next screen"));
    m_biggerAction->setText(tr("Larger type"));
    m_smallerAction->setText(tr("Smaller type"));
    m_noteAction->setText(tr("Pin a note"));
    refreshIncident();
    refreshSourceLine();
}

void ShadowWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ShadowWindow::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_waitingForIncident = incidentId == 0 && !m_followedPath.isEmpty();
    m_incident = Incident();
    m_roleModel->setIncident(incidentId);
    m_timerModel->setIncident(incidentId);
    m_timelineModel->setIncident(incidentId);
    m_rollCall->setIncident(incidentId);
    if (m_noteModel && (m_noteModel->databaseKey().isEmpty() || m_noteModel->databaseKey() == m_store.session().path()))
        m_noteModel->setIncident(m_store.session().path(), incidentId);
    if (m_incidents) {
        const QSignalBlocker block(m_incidentCombo);
        m_incidentCombo->setCurrentIndex(m_incidents->rowOfIncident(incidentId));
    }
    m_atTop = true;
    setUnseenEntries(0);
    refreshIncident();
}

void ShadowWindow::setNotesIncident(const QString &databaseKey, qint64 incidentId)
{
    if (m_noteModel)
        m_noteModel->setIncident(databaseKey, incidentId);
}

void ShadowWindow::openInitialIncident()
{
    auto list = m_store.incidents().list();
    if (!list || list->isEmpty()) {
        setIncident(0);
        m_waitingForIncident = true;
        return;
    }
    const Incident *best = nullptr;
    for (const Incident &incident : std::as_const(*list)) {
        if (incident.isResolved())
            break;
        if (!best || incident.severity < best->severity)
            best = &incident;
    }
    setIncident(best ? best->id : list->constFirst().id);
}

void ShadowWindow::setFollowing(const QString &databasePath)
{
    m_followedPath = databasePath;
    if (!m_incidents) {
        m_incidents = new IncidentListModel(m_store, this);
        m_incidentCombo->setModel(m_incidents);
        m_incidentCombo->setModelColumn(IncidentListModel::TitleColumn);
        connect(m_incidentCombo, &QComboBox::activated, this, [this](int row) {
            if (row >= 0 && row < m_incidents->rowCount())
                setIncident(m_incidents->incidentAt(row).id);
        });
    }
    m_incidentCombo->setVisible(true);
    m_replayButton->setVisible(true);
    refreshSourceLine();
}

void ShadowWindow::setBanner(const QString &text)
{
    m_bannerLabel->setText(text);
    m_bannerLabel->setVisible(!text.isEmpty());
}

void ShadowWindow::setRollCallPanel(QWidget *panelWidget)
{
    auto *layout = m_rollCallBox->layout();
    m_rollCallPlaceholder->hide();
    if (m_rollCall)
        m_rollCall->hide();
    panelWidget->setParent(m_rollCallBox);
    layout->addWidget(panelWidget);
}

void ShadowWindow::setControls(QWidget *controls)
{
    m_controlsLayout->addWidget(controls);
}

int ShadowWindow::preferredScreen()
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (screens.size() < 2)
        return 0;
    const int primary = static_cast<int>(screens.indexOf(QGuiApplication::primaryScreen()));
    return primary == 0 ? 1 : 0;
}

void ShadowWindow::moveToScreen(int index)
{
    const QList<QScreen *> screens = QGuiApplication::screens();
    if (index < 0 || index >= screens.size())
        return;
    QScreen *target = screens.at(index);
    const bool full = isFullScreen();
    if (full)
        showNormal();
    if (windowHandle())
        windowHandle()->setScreen(target);
    const QRect area = target->availableGeometry();
    QRect frame = geometry();
    frame.setSize(frame.size().boundedTo(area.size()));
    frame.moveCenter(area.center());
    setGeometry(frame);
    if (full)
        showFullScreen();
}

void ShadowWindow::fillScreenMenu()
{
    QMenu *menu = m_screenButton->menu();
    menu->clear();
    const QList<QScreen *> screens = QGuiApplication::screens();
    for (int i = 0; i < screens.size(); ++i) {
        QScreen *s = screens.at(i);
        QAction *a = menu->addAction(tr("Screen %1: %2 (%3×%4)")
                                         .arg(i + 1)
                                         .arg(s->name())
                                         .arg(s->geometry().width())
                                         .arg(s->geometry().height()));
        a->setCheckable(true);
        a->setChecked(s == screen());
        connect(a, &QAction::triggered, this, [this, i] { moveToScreen(i); });
    }
    menu->addSeparator();
    menu->addAction(m_fullScreenAction);
}

void ShadowWindow::toggleFullScreen()
{
    if (isFullScreen())
        showNormal();
    else
        showFullScreen();
}

void ShadowWindow::setTypeScale(qreal scale)
{
    m_typeScale = qBound(MinimumTypeScale, scale, MaximumTypeScale);
    applyType();
}

qreal ShadowWindow::bodyPointSize() const
{
    // Read from about 2 m: capitals of about 16 arcminutes, 34 px on a 1080-line screen; the type
    // follows the window's height so that a smaller window keeps the same proportions.
    const qreal capTarget = CapHeightAt1080 * height() / 1080.0 * m_typeScale;
    QFont probe = QApplication::font();
    const qreal dpi = logicalDpiY() > 0 ? logicalDpiY() : 96.0;
    qreal points = qMax(m_basePointSize, capTarget / 0.72 * 72.0 / dpi);
    probe.setPointSizeF(points);
    const qreal cap = QFontMetricsF(probe).capHeight();
    if (cap > 0 && cap < capTarget)
        points *= capTarget / cap; // the family's own proportions
    return qMax(m_basePointSize, points);
}

void ShadowWindow::applyType()
{
    QFont f = font();
    f.setPointSizeF(bodyPointSize());
    setFont(f);
    // The header's own, larger type follows.
    QFont big = f;
    big.setBold(true);
    big.setPointSizeF(f.pointSizeF() * 1.15);
    for (QLabel *label : {m_titleLabel, m_severityLabel, m_statusLabel, static_cast<QLabel *>(m_clockLabel)})
        label->setFont(big);
    QFont bold = f;
    bold.setBold(true);
    bold.setPointSizeF(f.pointSizeF() * 0.75);
    for (QLabel *label : {m_rolesTitle, m_timersTitle, m_rollCallTitle, m_timelineTitle}) {
        if (label)
            label->setFont(bold);
    }
    m_newEntriesNote->setFont(bold);
    QFont timerNames = f;
    timerNames.setPointSizeF(f.pointSizeF() * TimerNameScale);
    m_timersView->setFont(timerNames);
    QFont rollCall = f;
    rollCall.setPointSizeF(f.pointSizeF() * RollCallScale);
    m_rollCallBox->setFont(rollCall);
    m_chart->setFont(rollCall);
    // What the trainee types and clicks at the desk, not what they read from the room.
    QFont desk = f;
    desk.setPointSizeF(qMax(m_basePointSize, f.pointSizeF() * 0.45));
    for (QWidget *widget : std::initializer_list<QWidget *>{m_incidentCombo, m_sourceLabel, m_bannerLabel,
                                                            m_screenButton, m_replayButton, m_wallClock})
        widget->setFont(desk);
    m_notesPanel->setFonts(bold, desk);
    auto *delegate = qobject_cast<TimelineDelegate *>(m_timelineView->itemDelegate());
    QHeaderView *header = m_timelineView->header();
    if (delegate) {
        header->resizeSection(TimelineModel::TimeColumn, delegate->timeColumnWidth(f));
        header->resizeSection(TimelineModel::KindColumn, delegate->kindColumnWidth(f));
    }
    header->resizeSection(TimelineModel::AuthorColumn, QFontMetrics(f).horizontalAdvance(QLatin1Char('M')) * 4);
    fitTimerColumns();
    updateTitle();
}

void ShadowWindow::fitTimerColumns()
{
    auto *delegate = qobject_cast<TimerDelegate *>(m_timersView->itemDelegate());
    if (!delegate)
        return;
    // The time whole, so "+48094:13:22" is never cut to "8094:13:22"; then the name; the owner
    // only where every name and owner fit beside their times (a cut owner says nothing).
    int remaining = delegate->remainingWidth(m_timersView->font(), QString());
    int name = 0;
    int owner = 0;
    for (int row = 0; row < m_timerModel->rowCount(); ++row) {
        const QString text = m_timerModel->index(row, TimerModel::RemainingColumn).data().toString();
        remaining = qMax(remaining, delegate->remainingWidth(m_timersView->font(), text));
        name = qMax(name, m_timersView->sizeHintForIndex(m_timerModel->index(row, TimerModel::LabelColumn)).width());
        owner = qMax(owner, m_timersView->sizeHintForIndex(m_timerModel->index(row, TimerModel::OwnerColumn)).width());
    }
    const bool ownerFits = name + owner + remaining <= m_timersView->viewport()->width();
    m_timersView->setColumnHidden(TimerModel::OwnerColumn, !ownerFits);
    QHeaderView *header = m_timersView->header();
    if (header->sectionSize(TimerModel::RemainingColumn) != remaining)
        header->resizeSection(TimerModel::RemainingColumn, remaining);
    if (ownerFits && header->sectionSize(TimerModel::OwnerColumn) != owner)
        header->resizeSection(TimerModel::OwnerColumn, qMax(owner, header->minimumSectionSize()));
}

void ShadowWindow::setUnseenEntries(int count)
{
    if (count == m_unseenEntries)
        return;
    m_unseenEntries = count;
    m_newEntriesNote->setVisible(count > 0);
    if (count == 0) {
        m_newEntriesNote->setAccessibleName(tr("No new entries above"));
        return;
    }
    const QString text = tr("%n new entries ↑", nullptr, count);
    m_newEntriesNote->setText(text);
    m_newEntriesNote->setToolTip(tr("Newer entries arrived above the one you are reading; click to go to the top"));
    m_newEntriesNote->setAccessibleName(text);
    // Said to a screen reader as well: the note changed its name, and asks for attention.
    QAccessibleEvent changed(m_newEntriesNote, QAccessible::NameChanged);
    QAccessible::updateAccessibility(&changed);
    QAccessibleEvent alert(m_newEntriesNote, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void ShadowWindow::refreshIncident()
{
    if (m_incidentId > 0) {
        if (auto incident = m_store.incidents().incident(m_incidentId))
            m_incident = *incident;
    }
    const bool have = m_incidentId > 0 && m_incident.id == m_incidentId;
    if (!have) {
        m_severityLabel->clear();
        m_severityLabel->setStyleSheet(QString());
        m_titleLabel->setText(m_followedPath.isEmpty() ? tr("No incident") : tr("Waiting for an incident…"));
        m_statusLabel->clear();
        m_clockLabel->clear();
        setWindowTitle(tr("Shadow view — CommandPost"));
        return;
    }
    const QString severity = IncidentVocabulary::severityKey(m_incident.severity);
    if (m_severityLabel->text() != severity) {
        m_severityLabel->setText(severity);
        const Chip chip = KindStyle::severityChip(m_incident.severity);
        m_severityLabel->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; padding: 2px 10px; "
                                                      "border-radius: 4px; }")
                                           .arg(chip.fill.name(), chip.text.name()));
    }
    updateTitle();
    m_statusLabel->setText(IncidentVocabulary::statusLabel(m_incident.status));
    m_clockLabel->setTimes(m_incident.declaredAt, m_incident.resolvedAt);
    setWindowTitle(tr("%1 — shadow view — CommandPost").arg(m_incident.title));
}

void ShadowWindow::updateTitle()
{
    const bool have = m_incidentId > 0 && m_incident.id == m_incidentId;
    if (!have)
        return;
    // Whole, wrapped onto a second line when it must be.
    const QString title = m_incident.title;
    m_titleLabel->setText(title);
    m_titleLabel->setToolTip(title);
    m_titleLabel->setAccessibleName(title); // a screen reader reads it whole
}

void ShadowWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitTimerColumns();
    if (event->size().height() != event->oldSize().height()) {
        applyType();
        // The timeline keeps three fifths of the height however the window changes.
        const int total = m_splitter->height();
        if (total > 0)
            m_splitter->setSizes({total * 2 / 5, total - total * 2 / 5});
    }
    updateTitle();
}

void ShadowWindow::refreshSourceLine()
{
    if (m_followedPath.isEmpty()) {
        m_sourceLabel->setText(tr("Read-only view"));
        return;
    }
    const QString file = QFileInfo(m_followedPath).fileName();
    if (!m_lastChangeSeen.isValid())
        m_sourceLabel->setText(tr("Following %1 read-only").arg(file));
    else
        m_sourceLabel->setText(tr("Following %1 read-only · last change %2")
                                   .arg(file, m_lastChangeSeen.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
}

void ShadowWindow::tick()
{
    m_timerModel->refreshRemaining();
    fitTimerColumns();
    m_rollCall->refreshAges();
    const QDateTime now = m_clock.nowUtc().toLocalTime();
    m_wallClock->setText(now.toString(QStringLiteral("HH:mm:ss t")));
}

void ShadowWindow::rememberScroll()
{
    QScrollBar *bar = m_timelineView->verticalScrollBar();
    m_atTop = bar->value() == bar->minimum();
    m_anchorEntryId = 0;
    if (m_atTop)
        return;
    const QModelIndex top = m_timelineView->indexAt(QPoint(1, 1));
    if (!top.isValid())
        return;
    m_anchorEntryId = top.data(TimelineModel::EntryIdRole).toLongLong();
    m_anchorOffset = m_timelineView->visualRect(top).top();
}

void ShadowWindow::keepScroll(int first, int last)
{
    if (!m_atTop)
        setUnseenEntries(m_unseenEntries + last - first + 1);
    if (m_atTop || m_anchorEntryId == 0)
        return;
    // The reader is further down: keep the entry they were reading where it was.
    const int row = m_timelineModel->rowOfEntry(m_anchorEntryId);
    if (row < 0)
        return;
    m_timelineView->doItemsLayout();
    const QRect now = m_timelineView->visualRect(m_notedTimeline->index(row, 0));
    QScrollBar *bar = m_timelineView->verticalScrollBar();
    bar->setValue(bar->value() + now.top() - m_anchorOffset);
}

} // namespace cp
