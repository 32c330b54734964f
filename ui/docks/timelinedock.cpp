#include "timelinedock.h"

#include "db/incidentstore.h"
#include "db/outbox.h"
#include "db/outboxsender.h"
#include "dialogs/amendentrydialog.h"
#include "dialogs/entryhistorydialog.h"
#include "domain/clock.h"
#include "domain/quickentryparser.h"
#include "models/timelinemodel.h"
#include "preferences.h"
#include "session/incidentsession.h"
#include "undo/savestatus.h"
#include "undo/storecommands.h"
#include "widgets/accessiblename.h"
#include "widgets/deferredicon.h"
#include "widgets/headlinelabel.h"
#include "widgets/kindstyle.h"
#include "widgets/pendingentriesview.h"
#include "widgets/quickentryedit.h"
#include "widgets/timelinedelegate.h"
#include "widgets/timelinefilterbar.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QStringListModel>
#include <QTreeView>
#include <QUndoStack>
#include <QUuid>
#include <QVBoxLayout>

namespace cp {

namespace {

// Ctrl+1 … Ctrl+6 pick these, in this order.
const QList<EntryKind> &shortcutKinds()
{
    static const QList<EntryKind> kinds{EntryKind::Action,  EntryKind::Status, EntryKind::Decision,
                                        EntryKind::Callout, EntryKind::Note,   EntryKind::Communication};
    return kinds;
}

// QTreeView reads one more page on every full layout, before it measures whether the rows it has
// fill the view. With a screenful read already, the next page waits until the user scrolls to
// the end (QAbstractItemView fetches then): a start reads one page of a long timeline, not two.
class TimelineView final : public QTreeView
{
public:
    TimelineView(TimelineModel &model, QWidget *parent) : QTreeView(parent), m_model(model) {}

    void doItemsLayout() override
    {
        // A row is at least a line of text high.
        const int rows = m_model.rowCount();
        const bool screenful = rows > 0 && rows * fontMetrics().height() >= viewport()->height();
        m_model.holdFetching(screenful);
        QTreeView::doItemsLayout();
        m_model.holdFetching(false);
    }

private:
    TimelineModel &m_model;
};

} // namespace

TimelineDock::TimelineDock(IncidentStore &store, const Clock &clock, Preferences &preferences, QWidget *parent)
    : QDockWidget(parent), m_store(store), m_clock(clock), m_preferences(preferences),
      m_model(new TimelineModel(store, this)), m_delegate(new TimelineDelegate(this)),
      m_pages(new QStackedWidget(this)), m_authorNames(new QStringListModel(this))
{
    setObjectName(QStringLiteral("timelineDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);

    createActions();
    m_pages->addWidget(createEmptyPage());
    m_pages->addWidget(createTimelinePage());
    setWidget(m_pages);

    connect(&m_store.timeline(), &TimelineRepository::entryAdded, this, [this](qint64 incidentId, qint64 entryId) {
        if (incidentId != m_incidentId || !m_authorsWanted)
            return;
        // One row by its key, not a scan of a long timeline, for every entry logged.
        auto entry = m_store.timeline().addedEntry(entryId);
        if (entry && !m_authorNames->stringList().contains(entry->author))
            refreshAuthors();
    });
    connect(&m_store.timeline(), &TimelineRepository::timelineReloaded, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            refreshAuthors();
    });
    connect(m_model, &TimelineModel::loadFailed, this, [this](const StoreError &error) {
        showFeedback(tr("Could not read the timeline: %1").arg(error.message()), KindStyle::errorColor(),
                     Feedback::Error);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &TimelineDock::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TimelineDock::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TimelineDock::updateActions);

    retranslateUi();
    setSession(nullptr);
    connect(&m_store.session(), &StoreSession::stampedAuthorChanged, this, &TimelineDock::showStampedAuthor);
    showStampedAuthor();
}

TimelineDock::~TimelineDock() = default;

void TimelineDock::createActions()
{
    m_amendAction = new QAction(deferredIcon(QStringLiteral(":/icons/amend.svg")), QString(), this);
    m_amendAction->setObjectName(QStringLiteral("amendEntryAction"));
    m_amendAction->setShortcut(QKeySequence(Qt::Key_F2));
    connect(m_amendAction, &QAction::triggered, this, &TimelineDock::amendCurrent);

    m_retractAction = new QAction(deferredIcon(QStringLiteral(":/icons/retract.svg")), QString(), this);
    m_retractAction->setObjectName(QStringLiteral("retractEntryAction"));
    m_retractAction->setShortcut(QKeySequence(Qt::Key_Delete));
    connect(m_retractAction, &QAction::triggered, this, &TimelineDock::toggleRetractCurrent);

    m_keyEventAction = new QAction(deferredIcon(QStringLiteral(":/icons/key-event.svg")), QString(), this);
    m_keyEventAction->setObjectName(QStringLiteral("keyEventAction"));
    m_keyEventAction->setCheckable(true);
    m_keyEventAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(m_keyEventAction, &QAction::triggered, this, &TimelineDock::toggleKeyEventCurrent);

    m_copyAction = new QAction(QString(), this);
    m_copyAction->setObjectName(QStringLiteral("copyEntryAction"));
    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut); // the view's own Ctrl+C only
    connect(m_copyAction, &QAction::triggered, this, &TimelineDock::copyCurrent);

    m_historyAction = new QAction(deferredIcon(QStringLiteral(":/icons/history.svg")), QString(), this);
    m_historyAction->setObjectName(QStringLiteral("entryHistoryAction"));
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    connect(m_historyAction, &QAction::triggered, this, &TimelineDock::showHistoryCurrent);

    m_findAction = new QAction(deferredIcon(QStringLiteral(":/icons/search.svg")), QString(), this);
    m_findAction->setObjectName(QStringLiteral("findEntriesAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        if (!isVisible())
            show();
        raise();
        m_filterBar->focusText();
    });

    m_focusEntryAction = new QAction(QString(), this);
    m_focusEntryAction->setObjectName(QStringLiteral("focusQuickEntryAction"));
    m_focusEntryAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_focusEntryAction, &QAction::triggered, this, [this] {
        if (!isVisible())
            show();
        raise();
        m_line->setFocus(Qt::ShortcutFocusReason);
    });

    m_focusTimelineAction = new QAction(QString(), this);
    m_focusTimelineAction->setObjectName(QStringLiteral("focusTimelineAction"));
    m_focusTimelineAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    connect(m_focusTimelineAction, &QAction::triggered, this, [this] {
        if (!isVisible())
            show();
        raise();
        m_view->setFocus(Qt::ShortcutFocusReason);
        if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
            m_view->setCurrentIndex(m_model->index(0, 0));
    });

    for (int i = 0; i < shortcutKinds().size(); ++i) {
        const EntryKind kind = shortcutKinds().at(i);
        auto *action = new QAction(KindStyle::swatch(KindStyle::kindColor(kind)), QString(), this);
        action->setObjectName(QStringLiteral("entryKindAction_%1").arg(EntryVocabulary::kindKey(kind)));
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setData(static_cast<int>(kind));
        connect(action, &QAction::triggered, this, [this, kind] { setEntryKind(kind); });
        addAction(action); // active wherever the main window has focus
        m_kindActions << action;
    }
}

QWidget *TimelineDock::createEmptyPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("timelineEmptyState"));
    m_emptyLabel = new HeadlineLabel(1.5, page);
    m_emptyLabel->setObjectName(QStringLiteral("timelineEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_declareButton = new QPushButton(deferredIcon(QStringLiteral(":/icons/new-incident.svg")), QString(), page);
    m_declareButton->setObjectName(QStringLiteral("declareIncidentButton"));
    connect(m_declareButton, &QPushButton::clicked, this, &TimelineDock::declareIncidentRequested);

    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(m_emptyLabel);
    layout->addSpacing(16);
    auto *row = new QHBoxLayout;
    row->addStretch();
    row->addWidget(m_declareButton);
    row->addStretch();
    layout->addLayout(row);
    layout->addStretch(3);
    return page;
}

QWidget *TimelineDock::createTimelinePage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("timelinePage"));

    // Quick entry: kind, author, the line, Log.
    m_kind = new QComboBox(page);
    m_kind->setObjectName(QStringLiteral("quickEntryKind"));
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (EntryKind kind : shortcutKinds())
        m_kind->addItem(KindStyle::swatch(KindStyle::kindColor(kind)), EntryVocabulary::kindLabel(kind),
                        static_cast<int>(kind));
    m_kind->setCurrentIndex(m_kind->findData(static_cast<int>(m_preferences.defaultEntryKind())));
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        m_preferences.setDefaultEntryKind(entryKind());
        updatePreview();
    });

    m_author = new QLineEdit(m_preferences.authorName(), page);
    m_author->setObjectName(QStringLiteral("quickEntryAuthor"));
    m_author->setMaximumWidth(m_author->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 10);
    auto *completer = new QCompleter(m_authorNames, m_author);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_author->setCompleter(completer);
    m_author->installEventFilter(this);
    connect(m_author, &QLineEdit::editingFinished, this, [this] {
        if (!m_author->isReadOnly() && !m_author->text().trimmed().isEmpty())
            m_preferences.setAuthorName(m_author->text());
    });

    m_line = new QuickEntryEdit(page);
    m_line->setObjectName(QStringLiteral("quickEntryLine"));
    m_line->setClearButtonEnabled(false);
    QFont lineFont = m_line->font();
    lineFont.setPointSizeF(lineFont.pointSizeF() * 1.15);
    m_line->setFont(lineFont);
    connect(m_line, &QLineEdit::returnPressed, this, &TimelineDock::logQuickEntry);
    connect(m_line, &QLineEdit::textChanged, this, &TimelineDock::updatePreview);

    m_logButton = new QPushButton(page);
    m_logButton->setObjectName(QStringLiteral("quickEntryLogButton"));
    m_logButton->setFocusPolicy(Qt::NoFocus);
    connect(m_logButton, &QPushButton::clicked, this, &TimelineDock::logQuickEntry);

    m_feedback = new QLabel(page);
    m_feedback->setObjectName(QStringLiteral("quickEntryFeedback"));
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::PlainText);
    m_feedback->setMinimumHeight(m_feedback->fontMetrics().height());

    auto *entryRow = new QHBoxLayout;
    entryRow->setSpacing(6);
    entryRow->addWidget(m_kind);
    entryRow->addWidget(m_author);
    entryRow->addWidget(m_line, 1);
    entryRow->addWidget(m_logButton);

    m_filterBar = new TimelineFilterBar(page);
    connect(m_filterBar, &TimelineFilterBar::filterChanged, this, &TimelineDock::applyFilter);
    connect(m_filterBar, &TimelineFilterBar::authorsWanted, this, &TimelineDock::wantAuthors);

    m_view = new TimelineView(*m_model, page);
    configureView();

    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addLayout(entryRow);
    layout->addWidget(m_feedback);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_view, 1);
    m_timelinePage = page;
    page->installEventFilter(this);

    setTabOrder(m_line, m_kind);
    setTabOrder(m_kind, m_author);
    setTabOrder(m_author, m_view);
    setTabOrder(m_view, m_filterBar->textEdit());
    return page;
}

void TimelineDock::configureView()
{
    m_view->setObjectName(QStringLiteral("timelineView"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setUniformRowHeights(true);
    m_view->setRootIsDecorated(false);
    m_view->setItemsExpandable(false);
    m_view->setAllColumnsShowFocus(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setSortingEnabled(false);

    QHeaderView *header = m_view->header();
    header->setStretchLastSection(true);
    header->setSectionsMovable(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->resizeSection(TimelineModel::TimeColumn, m_delegate->timeColumnWidth(m_view->font()));
    header->resizeSection(TimelineModel::KindColumn, m_delegate->kindColumnWidth(m_view->font()));
    header->resizeSection(TimelineModel::AuthorColumn, m_view->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 9);

    // Actions on the view: the shortcuts that only make sense with an entry in focus.
    m_view->addAction(m_copyAction);
    m_view->addAction(m_retractAction);
    m_retractAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    connect(m_view, &QTreeView::customContextMenuRequested, this, &TimelineDock::showContextMenu);
    connect(m_view, &QTreeView::activated, this, &TimelineDock::amendCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &TimelineDock::updateActions);
}

void TimelineDock::retranslateAuthor()
{
    m_author->setPlaceholderText(tr("Your name"));
    m_author->setToolTip(m_author->isReadOnly()
                             ? tr("Who the entries are logged as: on this team server your login decides")
                             : tr("Who the entries are logged as"));
}

void TimelineDock::retranslateUi()
{
    setWindowTitle(tr("Timeline"));
    setAccessibleLabel(m_kind, tr("Kind of the next entry"));
    setAccessibleLabel(m_author, tr("Author"));
    setAccessibleLabel(m_line, tr("New entry"));
    setAccessibleLabel(m_view, tr("Timeline"));
    m_emptyLabel->setText(tr("No incident open — press %1 to declare one")
                              .arg(QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    m_declareButton->setText(tr("Declare an incident…"));

    for (int i = 0; i < m_kind->count(); ++i) {
        const auto kind = static_cast<EntryKind>(m_kind->itemData(i).toInt());
        m_kind->setItemText(i, EntryVocabulary::kindLabel(kind));
        m_kind->setItemData(i, tr("Ctrl+%1").arg(i + 1), Qt::ToolTipRole);
    }
    m_kind->setToolTip(tr("Kind of the next entry (Ctrl+1 … Ctrl+6), unless the line names one (a:, s:, d: …)"));
    retranslateAuthor();
    m_line->setPlaceholderText(tr("Log an entry and press Enter — a: action, s: status, d: decision, c: callout, "
                                  "TODO:, ! key event, @14:32 or @-5m backfill"));
    m_logButton->setText(tr("Log"));
    m_logButton->setToolTip(tr("Log the entry (Enter)"));

    m_filterBar->retranslateUi();
    refreshAuthors();
    if (m_feedbackKind == Feedback::None)
        showIdleHint();

    m_amendAction->setText(tr("&Amend entry…"));
    m_amendAction->setStatusTip(tr("Correct the selected entry; the original stays in its history"));
    m_copyAction->setText(tr("&Copy text"));
    m_historyAction->setText(tr("&History…"));
    m_keyEventAction->setText(tr("&Mark as key event"));
    m_findAction->setText(tr("&Find in timeline"));
    m_focusEntryAction->setText(tr("Go to &quick entry"));
    m_focusTimelineAction->setText(tr("Go to &timeline"));
    for (QAction *action : std::as_const(m_kindActions))
        action->setText(
            tr("Next entry: %1").arg(EntryVocabulary::kindLabel(static_cast<EntryKind>(action->data().toInt()))));
    updateActions();
}

void TimelineDock::refreshAuthors()
{
    QStringList authors;
    if (m_incidentId > 0 && m_authorsWanted) {
        if (auto list = m_store.timeline().authors(m_incidentId))
            authors = *list;
    }
    m_authorNames->setStringList(authors);
    m_filterBar->setAuthors(authors);
}

void TimelineDock::wantAuthors()
{
    if (m_authorsWanted)
        return;
    m_authorsWanted = true;
    refreshAuthors();
}

void TimelineDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void TimelineDock::setOutbox(Outbox &outbox, OutboxSender &sender)
{
    m_sender = &sender;
    m_pendingView = new PendingEntriesView(outbox, m_timelinePage);
    m_pendingView->setIncident(m_incidentId);
    auto *layout = qobject_cast<QVBoxLayout *>(m_timelinePage->layout());
    layout->insertWidget(layout->indexOf(m_view), m_pendingView);
    // "Kept on this computer …" would go on standing after the entries reached the server.
    connect(&sender, &OutboxSender::delivered, this, [this](const OutboxSender::Report &report) {
        if (report.sent == 0 || m_feedbackKind != Feedback::Saved)
            return;
        showFeedback(tr("The server answers again: the entries kept on this computer are on it now (%1 sent at %2).")
                         .arg(report.sent)
                         .arg(m_clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
                     KindStyle::savedColor(), Feedback::Saved);
    });
}

void TimelineDock::setSession(IncidentSession *session)
{
    m_session = session;
    m_incidentId = session ? session->incidentId() : 0;
    m_authorsWanted = m_author->hasFocus() || m_filterBar->authorHasFocus();
    m_model->setIncident(m_incidentId);
    if (m_pendingView)
        m_pendingView->setIncident(m_incidentId);
    m_pages->setCurrentIndex(m_incidentId > 0 ? 1 : 0);
    showIdleHint();
    refreshAuthors();
    updateActions();
    adoptRosterPerson();
}

// On a team server that stamps this login's rows, the author field shows the name the server puts
// on them and cannot be edited: the login, not the field, decides.
void TimelineDock::showStampedAuthor()
{
    const QString stamped = m_store.session().stampedAuthor();
    const bool byLogin = !stamped.isEmpty();
    if (!byLogin && !m_author->isReadOnly())
        return;
    m_author->setReadOnly(byLogin);
    m_author->setText(byLogin ? stamped : m_preferences.authorName());
    retranslateAuthor();
    if (byLogin && m_feedbackKind == Feedback::Preview)
        updatePreview(); // no more "Who are you?"
}

// The author is the person at the keyboard: until they say who they are, a login name that is a
// roster person's handle or name becomes that person's handle (and is kept); otherwise the line
// asks, once an incident is open, and what they type is kept.
void TimelineDock::adoptRosterPerson()
{
    if (m_incidentId <= 0 || m_preferences.hasChosenAuthor() || m_author->isReadOnly())
        return;
    if (auto person = m_store.roster().findPerson(m_preferences.authorName())) {
        const QString who = person->handle.isEmpty() ? person->name : person->handle;
        m_preferences.setAuthorName(who);
        m_author->setText(who);
        return;
    }
    // One line, so the log keeps its rows on a laptop; the author field shows the name used till then.
    showFeedback(tr("Who are you? Type your roster handle in the author field (it is remembered)."),
                 KindStyle::errorColor(), Feedback::Preview);
}

EntryKind TimelineDock::entryKind() const
{
    return static_cast<EntryKind>(m_kind->currentData().toInt());
}

void TimelineDock::setEntryKind(EntryKind kind)
{
    const int index = m_kind->findData(static_cast<int>(kind));
    if (index >= 0)
        m_kind->setCurrentIndex(index);
}

QString TimelineDock::author() const
{
    const QString typed = m_author->text().trimmed();
    return typed.isEmpty() ? m_preferences.authorName() : typed;
}

void TimelineDock::showFeedback(const QString &text, const QColor &color, Feedback kind)
{
    m_feedbackKind = kind;
    QPalette palette = m_feedback->palette();
    palette.setColor(QPalette::WindowText, color);
    m_feedback->setPalette(palette);
    m_feedback->setText(text);
}

void TimelineDock::showIdleHint()
{
    // One line of hint at most: where the whole one would wrap, the short one leaves the row to the log.
    const QString whole = tr("Enter logs the line · Ctrl+1 … Ctrl+6 set the kind · ↑ ↓ recall earlier lines · "
                             "F2 amends the selected entry · F1 lists every shortcut");
    const QString brief = tr("Enter logs · Ctrl+1 … Ctrl+6 kind · ↑ ↓ earlier lines · F1 every shortcut");
    const bool fits = m_feedback->fontMetrics().horizontalAdvance(whole) <= m_feedback->width();
    showFeedback(fits ? whole : brief, palette().color(QPalette::PlaceholderText), Feedback::None);
    m_feedback->setToolTip(fits ? QString() : whole);
}

// The lines that cost a short timeline its rows (the IC's and the liaison's workspaces on a 720-line
// screen): the filter row folds away while no filter is set and it has no focus; Ctrl+F brings it back.
void TimelineDock::fitChromeToHeight()
{
    const int rowHeight = m_view->fontMetrics().height() + 8;
    const bool roomy = m_timelinePage->height() >= rowHeight * 15;
    const QWidget *focus = QApplication::focusWidget();
    m_filterBar->setVisible(roomy || m_filterBar->isActive() || (focus && m_filterBar->isAncestorOf(focus)));
    if (m_feedbackKind == Feedback::None)
        showIdleHint();
}

bool TimelineDock::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_timelinePage && event->type() == QEvent::Resize)
        fitChromeToHeight();
    if (watched == m_author && event->type() == QEvent::FocusIn)
        wantAuthors();
    return QDockWidget::eventFilter(watched, event);
}

void TimelineDock::updatePreview()
{
    const QString line = m_line->text();
    if (line.trimmed().isEmpty()) {
        if (m_feedbackKind != Feedback::Saved) // "Saved …" stays until the next entry is typed
            showIdleHint();
        return;
    }
    const QuickEntry parsed = QuickEntryParser::parse(line, entryKind(), m_clock.nowUtc());
    const QColor quiet = palette().color(QPalette::PlaceholderText);
    if (!parsed.isValid()) {
        showFeedback(parsed.error, quiet, Feedback::Preview);
        return;
    }
    QStringList parts;
    parts << EntryVocabulary::kindLabel(parsed.kind);
    if (parsed.occurredAt.isValid())
        parts << tr("happened %1").arg(parsed.occurredAt.toLocalTime().toString(QStringLiteral("HH:mm:ss")));
    if (parsed.keyEvent)
        parts << tr("★ key event");
    for (const QString &tag : parsed.tags)
        parts << QLatin1Char('#') + tag;
    showFeedback(tr("→ %1").arg(parts.join(QStringLiteral(" · "))), quiet, Feedback::Preview);
}

bool TimelineDock::logQuickEntry()
{
    if (!m_session)
        return false;
    const QString line = m_line->text();
    if (line.trimmed().isEmpty())
        return false;
    const QuickEntry parsed = QuickEntryParser::parse(line, entryKind(), m_clock.nowUtc());
    if (!parsed.isValid()) {
        showFeedback(parsed.error, KindStyle::errorColor(), Feedback::Error);
        return false;
    }
    const QString who = m_author->text().trimmed();
    if (who.isEmpty()) {
        showFeedback(tr("Type your name in the author field first; the entry is kept."), KindStyle::errorColor(),
                     Feedback::Error);
        m_author->setFocus(Qt::OtherFocusReason);
        return false;
    }

    NewEntry entry;
    entry.incidentId = m_incidentId;
    entry.kind = parsed.kind;
    entry.author = who;
    entry.text = parsed.text;
    entry.tags = parsed.tags;
    entry.keyEvent = parsed.keyEvent;
    entry.occurredAt = parsed.occurredAt;
    if (m_sender) {
        // Made here, so a try whose reply is lost and the outbox's later send are one entry.
        entry.clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (m_store.session().link().isDown())
            return keepPending(entry, line, who);
    }

    auto command = std::make_unique<LogEntryCommand>(m_store, &m_session->saveStatus(), entry);
    LogEntryCommand *raw = command.get();
    const StoreError error = m_session->run(std::move(command));
    if (!error.ok() && m_sender && error.code() == StoreError::Code::Unreachable)
        return keepPending(entry, line, who);
    if (!error.ok()) {
        // The line keeps every character; the Scribe can retry with Enter.
        showFeedback(tr("Not saved: %1 Your text is kept; press Enter to retry.").arg(error.message()),
                     KindStyle::errorColor(), Feedback::Error);
        return false;
    }
    const qint64 entryId = raw->entryId(); // the stack owns it now and keeps it alive
    rememberAuthor(who);
    m_line->addToHistory(line);
    // "Saved" first: the line emptied after it keeps it, with no idle hint measured in between.
    showFeedback(
        tr("Saved %1").arg(m_session->saveStatus().lastSavedUtc().toLocalTime().toString(QStringLiteral("HH:mm:ss"))),
        KindStyle::savedColor(), Feedback::Saved);
    m_line->clear();
    selectEntry(entryId);
    if (entry.kind == EntryKind::Action)
        emit actionLogged(entry.text);
    return true;
}

// The name typed is kept for the next run; one the server decided is not the person's choice.
void TimelineDock::rememberAuthor(const QString &who)
{
    if (!m_author->isReadOnly())
        m_preferences.setAuthorName(who);
}

bool TimelineDock::keepPending(const NewEntry &entry, const QString &line, const QString &who)
{
    auto logged = m_sender->log(entry);
    if (!logged) {
        showFeedback(tr("Not saved: %1 Your text is kept; press Enter to retry.").arg(logged.error().message()),
                     KindStyle::errorColor(), Feedback::Error);
        return false;
    }
    rememberAuthor(who);
    m_line->addToHistory(line);
    m_line->clear();
    const QString at = m_clock.nowUtc().toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    if (logged->pending) {
        // On this computer's disk, not the server's: said as such, never as "Saved".
        showFeedback(tr("Kept on this computer %1 — pending, not on the server yet; it is sent when the server "
                        "answers.")
                         .arg(at),
                     KindStyle::errorColor(), Feedback::Saved);
        return true;
    }
    showFeedback(tr("Saved %1").arg(at), KindStyle::savedColor(), Feedback::Saved);
    selectEntry(logged->entryId);
    return true;
}

bool TimelineDock::runCommand(std::unique_ptr<StoreCommand> command)
{
    if (!m_session)
        return false;
    const StoreError error = m_session->run(std::move(command));
    if (!error.ok()) {
        showFeedback(tr("Not saved: %1").arg(error.message()), KindStyle::errorColor(), Feedback::Error);
        return false;
    }
    return true;
}

std::optional<TimelineEntry> TimelineDock::currentEntry() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || current.row() >= m_model->rowCount())
        return std::nullopt;
    return m_model->entryAt(current.row());
}

void TimelineDock::selectEntry(qint64 entryId)
{
    const int row = m_model->rowOfEntry(entryId);
    if (row < 0)
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void TimelineDock::updateActions()
{
    const auto entry = currentEntry();
    const bool have = entry.has_value() && m_session;
    m_amendAction->setEnabled(have);
    m_retractAction->setEnabled(have);
    m_keyEventAction->setEnabled(have);
    m_copyAction->setEnabled(entry.has_value());
    m_historyAction->setEnabled(entry.has_value());
    m_retractAction->setText(have && entry->retracted ? tr("&Restore entry") : tr("&Retract entry"));
    m_retractAction->setStatusTip(tr("Strike the entry out; it stays in the log and can be restored"));
    m_keyEventAction->setChecked(have && entry->keyEvent);
    const bool incident = m_incidentId > 0;
    m_findAction->setEnabled(incident);
    m_focusEntryAction->setEnabled(incident);
    m_focusTimelineAction->setEnabled(incident);
}

void TimelineDock::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid())
        m_view->setCurrentIndex(index);
    if (!currentEntry())
        return;
    QMenu menu(this);
    menu.addAction(m_amendAction);
    menu.addAction(m_retractAction);
    menu.addAction(m_keyEventAction);
    menu.addSeparator();
    menu.addAction(m_copyAction);
    menu.addAction(m_historyAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

void TimelineDock::amendCurrent()
{
    const auto entry = currentEntry();
    if (!entry || !m_session)
        return;
    auto *dialog = new AmendEntryDialog(*entry, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const EntryAmendment change = dialog->amendment();
        if (change.isEmpty())
            return;
        if (runCommand(std::make_unique<AmendEntryCommand>(m_store, &m_session->saveStatus(), dialog->entryId(), change,
                                                           author())))
            selectEntry(dialog->entryId());
    });
    dialog->open();
}

void TimelineDock::toggleRetractCurrent()
{
    const auto entry = currentEntry();
    if (!entry || !m_session)
        return;
    runCommand(AmendEntryCommand::retract(m_store, &m_session->saveStatus(), entry->id, !entry->retracted, author()));
    updateActions();
}

void TimelineDock::toggleKeyEventCurrent()
{
    const auto entry = currentEntry();
    if (!entry || !m_session)
        return;
    runCommand(
        AmendEntryCommand::markKeyEvent(m_store, &m_session->saveStatus(), entry->id, !entry->keyEvent, author()));
    updateActions();
}

void TimelineDock::copyCurrent()
{
    const auto entry = currentEntry();
    if (!entry)
        return;
    QApplication::clipboard()->setText(entry->text);
}

void TimelineDock::showHistoryCurrent()
{
    const auto entry = currentEntry();
    if (!entry)
        return;
    auto history = m_store.timeline().history(entry->id);
    if (!history) {
        showFeedback(tr("Could not read the history: %1").arg(history.error().message()), KindStyle::errorColor(),
                     Feedback::Error);
        return;
    }
    auto *dialog = new EntryHistoryDialog(*history, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void TimelineDock::applyFilter()
{
    const auto keep = currentEntry();
    m_model->setFilter(m_filterBar->filter());
    if (keep)
        selectEntry(keep->id);
    updateActions();
}

} // namespace cp
