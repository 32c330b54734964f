#include "commsdock.h"

#include "dialogs/revisemessagedialog.h"
#include "widgets/squeezescroll.h"

#include "db/incidentstore.h"
#include "models/audiencephasemodel.h"
#include "models/messagemodel.h"
#include "session/incidentsession.h"
#include "undo/businessundocommands.h"
#include "widgets/accessiblename.h"
#include "widgets/actingforbox.h"
#include "widgets/feedbacklabel.h"
#include "widgets/kindstyle.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace cp {

namespace {

// The grid: a cell's state as its colour, the current phase's column framed.
class GridDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString state = index.data(AudiencePhaseModel::CellStateRole).toString();
        QColor tint = KindStyle::commsCellTint(state);
        if (index.column() == AudiencePhaseModel::NextUpdateColumn && state == QLatin1String("due"))
            tint = QColor();
        painter->save();
        if (tint.isValid())
            painter->fillRect(option.rect.adjusted(1, 1, -1, -1), tint);
        if (index.data(AudiencePhaseModel::CurrentPhaseRole).toBool()) {
            painter->setPen(QPen(option.palette.highlight().color(), 2));
            painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
        }
        painter->restore();
        QStyleOptionViewItem opt = option;
        if (state == QLatin1String("due") || state == QLatin1String("overdue") || state == QLatin1String("changes"))
            opt.font.setBold(true);
        QStyledItemDelegate::paint(painter, opt, index);
    }
};

// The message list's "waiting for" column: the chain Draft → Legal → Messaging → ELT → IC → Send
// as six segments, done ones filled, the waiting one outlined, then the step's name.
class ChainDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int Segment = 14;
    static constexpr int Gap = 3;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        if (index.column() != MessageModel::StepColumn) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget); // background and focus only
        const int done = index.data(MessageModel::ProgressRole).toInt();
        const QString key = index.data(MessageModel::StepKeyRole).toString();
        const bool changes = key == QLatin1String("changes");
        const bool sent = key == QLatin1String("sent");
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const int h = 8;
        int x = option.rect.left() + 4;
        const int y = option.rect.center().y() - h / 2;
        for (int i = 0; i < 6; ++i) {
            const QRect r(x, y, Segment, h);
            const QColor green = KindStyle::commsStateColour(QStringLiteral("sent"));
            if (sent || i < done) {
                painter->setPen(Qt::NoPen);
                painter->setBrush(green);
            } else if (changes && i == 0) {
                painter->setPen(Qt::NoPen);
                painter->setBrush(KindStyle::commsStateColour(QStringLiteral("changes")));
            } else if (i == done) {
                const QColor waiting = KindStyle::commsStateColour(QStringLiteral("drafted"));
                painter->setPen(QPen(waiting, 2));
                painter->setBrush(QColor(waiting.red(), waiting.green(), waiting.blue(), 90));
            } else {
                painter->setPen(QPen(option.palette.mid().color(), 1));
                painter->setBrush(Qt::NoBrush);
            }
            painter->drawRoundedRect(r, 3, 3);
            x += Segment + Gap;
        }
        painter->restore();
        const QRect textRect = option.rect.adjusted(6 * (Segment + Gap) + 8, 0, 0, 0);
        painter->save();
        painter->setPen(option.state & QStyle::State_Selected ? option.palette.highlightedText().color()
                                                              : option.palette.text().color());
        QFont font = option.font;
        font.setBold(changes);
        painter->setFont(font);
        painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, text);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        if (index.column() == MessageModel::StepColumn)
            size.setWidth(size.width() + 6 * (Segment + Gap) + 12);
        return size;
    }
};

} // namespace

CommsDock::CommsDock(IncidentStore &store, QWidget *parent)
    : DeferredDock(QStringLiteral("commsDock"), parent), m_store(store), m_focusAction(new QAction(this))
{
    m_focusAction->setObjectName(QStringLiteral("focusCommsAction"));
    m_focusAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)); // Ctrl+Shift+M is Status ▸ Monitoring
    connect(m_focusAction, &QAction::triggered, this, [this] {
        reveal();
        m_messages->setFocus();
    });
    retranslateUi();
}

QWidget *CommsDock::buildContent()
{
    m_gridModel = new AudiencePhaseModel(m_store, this);
    m_messageModel = new MessageModel(m_store, this);
    m_state = new QLabel(this);
    m_gridLabel = new QLabel(this);
    m_grid = new QTableView(this);
    m_messagesLabel = new QLabel(this);
    m_messages = new QTreeView(this);
    m_detail = new QPlainTextEdit(this);
    m_error = new FeedbackLabel(QStringLiteral("commsError"), this);
    m_approve = new QPushButton(this);
    m_actingFor = new ActingForBox(this);
    m_changes = new QPushButton(this);
    m_revise = new QPushButton(this);
    m_draft = new QPushButton(this);
    m_skip = new QPushButton(this);
    m_beat = new QTimer(this);
    m_state->setObjectName(QStringLiteral("commsStateLabel"));
    m_state->setWordWrap(true);
    m_grid->setObjectName(QStringLiteral("audiencePhaseGrid"));
    // Tab leaves the table for the next control; the arrow keys move between cells.
    m_grid->setTabKeyNavigation(false);
    m_grid->setModel(m_gridModel);
    m_grid->setItemDelegate(new GridDelegate(m_grid));
    m_grid->setSelectionMode(QAbstractItemView::SingleSelection);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_grid->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setWordWrap(false);
    m_gridLabel->setBuddy(m_grid);
    m_messages->setObjectName(QStringLiteral("messageList"));
    m_messages->setModel(m_messageModel);
    m_messages->setItemDelegate(new ChainDelegate(m_messages));
    m_messages->setRootIsDecorated(false);
    m_messages->setUniformRowHeights(true);
    m_messages->setAllColumnsShowFocus(true);
    m_messages->header()->setStretchLastSection(false);
    m_messages->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_messagesLabel->setBuddy(m_messages);
    m_detail->setObjectName(QStringLiteral("messageDetail"));
    m_detail->setReadOnly(true);
    m_detail->setMaximumBlockCount(400);
    m_approve->setObjectName(QStringLiteral("approveStepButton"));
    m_changes->setObjectName(QStringLiteral("requestChangesButton"));
    m_revise->setObjectName(QStringLiteral("reviseMessageButton"));
    m_draft->setObjectName(QStringLiteral("draftMessageButton"));
    m_skip->setObjectName(QStringLiteral("skipCellButton"));

    auto *gridBox = new QWidget(this);
    auto *gridLayout = new QVBoxLayout(gridBox);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_gridLabel);
    gridLayout->addWidget(m_grid);
    auto *listBox = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listBox);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *listHeader = new QHBoxLayout;
    listHeader->addWidget(m_messagesLabel);
    listHeader->addStretch();
    for (QPushButton *b : {m_draft, m_approve, m_changes, m_revise, m_skip})
        listHeader->addWidget(b);
    listLayout->addLayout(listHeader);
    m_messages->setMinimumHeight(m_messages->fontMetrics().height() * 4);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("commsSplitter"));
    split->addWidget(m_messages);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    listLayout->addWidget(split, 1);
    // The grid keeps every audience in view; the messages take the rest.
    m_grid->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    const auto fitGrid = [this] {
        m_grid->resizeRowsToContents();
        int height = m_grid->horizontalHeader()->height() + 2 * m_grid->frameWidth();
        for (int row = 0; row < m_gridModel->rowCount(); ++row)
            height += m_grid->rowHeight(row);
        m_grid->setFixedHeight(qMax(height, m_grid->horizontalHeader()->height() + 8));
    };
    connect(m_gridModel, &QAbstractItemModel::modelReset, this, fitGrid);
    connect(m_gridModel, &QAbstractItemModel::rowsInserted, this, fitGrid);
    connect(m_gridModel, &QAbstractItemModel::rowsRemoved, this, fitGrid);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 4, 4, 4);
    // Whom the selected message's next step is taken for, beside the phase line: the grid and the
    // list keep their rows.
    auto *stateRow = new QHBoxLayout;
    stateRow->addWidget(m_state, 1);
    stateRow->addWidget(m_actingFor);
    m_actingFor->hide();
    layout->addLayout(stateRow);
    layout->addWidget(gridBox);
    layout->addWidget(listBox, 1);
    layout->addWidget(m_error);
    QWidget *frame = scrollWhenSqueezed(body, this);

    connect(m_messages->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetail();
        updateState();
    });
    connect(&m_store.business(), &BusinessRepository::messageChanged, this, [this](qint64 incidentId, qint64) {
        if (incidentId == m_incidentId) {
            updateDetail();
            updateState();
        }
    });
    connect(&m_store.business(), &BusinessRepository::businessChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            updateState();
    });
    connect(&m_store.incidents(), &IncidentRepository::incidentChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            updateState();
    });
    connect(&m_store.roles(), &RoleRepository::roleChanged, this, [this](qint64 incidentId) {
        if (incidentId == m_incidentId)
            updateState(); // who holds the step's role
    });
    connect(m_grid, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 id = index.data(AudiencePhaseModel::MessageIdRole).toLongLong();
        if (id > 0) {
            selectMessage(id);
            m_messages->setFocus();
        } else if (index.column() != AudiencePhaseModel::NextUpdateColumn) {
            askDraft(index.data(AudiencePhaseModel::AudienceKeyRole).toString(),
                     index.data(AudiencePhaseModel::PhaseKeyRole).toString());
        }
    });
    connect(m_grid->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] { updateState(); });
    connect(m_approve, &QPushButton::clicked, this, [this] { m_error->sayOutcome(approveCurrent()); });
    connect(m_changes, &QPushButton::clicked, this, &CommsDock::askChanges);
    connect(m_revise, &QPushButton::clicked, this, &CommsDock::askRevise);
    connect(m_skip, &QPushButton::clicked, this, &CommsDock::askSkip);
    connect(m_draft, &QPushButton::clicked, this, [this] {
        const QModelIndex cell = m_grid->currentIndex();
        askDraft(cell.data(AudiencePhaseModel::AudienceKeyRole).toString(),
                 cell.data(AudiencePhaseModel::PhaseKeyRole).toString());
    });
    m_beat->setInterval(15000);
    connect(m_beat, &QTimer::timeout, this, &CommsDock::refreshNow);
    m_beat->start();
    retranslateUi();
    return frame;
}

CommsDock::~CommsDock() = default;

void CommsDock::showSession(IncidentSession *session)
{
    m_session = session;
    m_incidentId = session ? session->incidentId() : 0;
    m_gridModel->setIncident(m_incidentId);
    m_messageModel->setIncident(m_incidentId);
    m_error->clear();
    // The first message still waiting for a step, so its history is in view.
    for (int row = 0; row < m_messageModel->rowCount(); ++row) {
        if (!m_messageModel->messageAt(row).isSent()) {
            m_messages->setCurrentIndex(m_messageModel->index(row, 0));
            break;
        }
    }
    updateDetail();
    updateState(); // what is in front is the workspace's choice (the liaison's shows this dock)
}

void CommsDock::refreshNow()
{
    ensureBuilt();
    m_gridModel->refreshNow();
}

qint64 CommsDock::currentMessageId() const
{
    ensureBuilt();
    const QModelIndex current = m_messages->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(MessageModel::MessageIdRole).toLongLong() : 0;
}

void CommsDock::selectMessage(qint64 messageId)
{
    ensureBuilt();
    const int row = m_messageModel->rowOf(messageId);
    if (row >= 0)
        m_messages->setCurrentIndex(m_messageModel->index(row, 0));
}

StoreError CommsDock::approveCurrent()
{
    ensureBuilt();
    return takeStep(StepVerdict::Approved, QString());
}

StoreError CommsDock::requestChangesCurrent(const QString &comment)
{
    ensureBuilt();
    return takeStep(StepVerdict::ChangesRequested, comment);
}

StoreError CommsDock::takeStep(StepVerdict verdict, const QString &comment)
{
    const qint64 id = currentMessageId();
    if (id == 0 || !m_session)
        return {StoreError::Code::Invalid, tr("Select a message first.")};
    if (m_actingFor->lacksReason())
        return {StoreError::Code::Invalid, tr("Say why the IC takes this step in the role holder's place.")};
    const Message m = m_messageModel->messageAt(m_messageModel->rowOf(id));
    const QString author = m_session->author();
    const StepSigner signer = m_actingFor->signer();
    return m_session->write(
        [&] { return m_store.business().advanceMessage(id, m.waitingFor, verdict, comment, author, signer); });
}

StoreError CommsDock::reviseCurrent(const QString &text)
{
    ensureBuilt();
    const qint64 id = currentMessageId();
    if (id == 0 || !m_session)
        return {StoreError::Code::Invalid, tr("Select a message first.")};
    // After a request for changes "Acting for" names the Technical SLT the revision is for.
    const Message m = m_messageModel->messageAt(m_messageModel->rowOf(id));
    const StepSigner signer = m.changesRequested() ? m_actingFor->signer() : StepSigner{};
    const QString author = m_session->author();
    return m_session->write([&] { return m_store.business().reviseMessage(id, text, QString(), author, signer); });
}

Result<qint64> CommsDock::draft(const QString &audience, const QString &phase, const QString &channel,
                                const QString &text, const StepSigner &signer)
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    const QString author = m_session->author();
    auto id = m_session->write([&] {
        return m_store.business().draftMessage({m_incidentId, audience, phase, channel, text}, author, signer);
    });
    if (id)
        selectMessage(*id);
    return id;
}

StoreError CommsDock::skipCell(const QString &audience, const QString &phase, const QString &reason)
{
    ensureBuilt();
    if (!m_session)
        return IncidentSession::noIncident();
    return m_session->run(std::make_unique<SkipCellCommand>(m_store, &m_session->saveStatus(), m_incidentId, audience,
                                                            phase, reason, m_session->author()));
}

void CommsDock::askDraft(const QString &audience, const QString &phase)
{
    if (!m_session)
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("draftMessageDialog"));
    dialog.setWindowTitle(tr("Draft a message"));
    auto *audienceBox = new QComboBox(&dialog);
    for (const QString &a : m_gridModel->audiences())
        audienceBox->addItem(BusinessVocabulary::audienceLabel(a), a);
    audienceBox->setCurrentIndex(qMax(0, audienceBox->findData(audience)));
    auto *phaseBox = new QComboBox(&dialog);
    for (const QString &p : BusinessVocabulary::allPhases())
        phaseBox->addItem(BusinessVocabulary::phaseLabel(p), p);
    phaseBox->setCurrentIndex(qMax(0, phaseBox->findData(phase.isEmpty() ? m_gridModel->currentPhase() : phase)));
    auto *channel = new QLineEdit(QStringLiteral("email"), &dialog);
    auto *text = new QPlainTextEdit(&dialog);
    auto *draftedFor = new ActingForBox(&dialog); // the Technical SLT the draft is recorded for
    if (auto staffing = m_store.business().staffing(m_incidentId, MessageStep::Draft, audience))
        draftedFor->setStaffing(*staffing, m_session->author(), true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto *form = new QFormLayout(&dialog);
    form->addRow(tr("&Audience:"), audienceBox);
    form->addRow(tr("&Phase:"), phaseBox);
    form->addRow(tr("&Channel:"), channel);
    form->addRow(tr("&Text:"), text);
    form->addRow(draftedFor);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() != QDialog::Accepted)
        return;
    auto id = draft(audienceBox->currentData().toString(), phaseBox->currentData().toString(), channel->text(),
                    text->toPlainText(), draftedFor->signer());
    m_error->sayOutcome(id.error());
}

void CommsDock::askChanges()
{
    bool ok = false;
    const QString comment =
        QInputDialog::getMultiLineText(this, tr("Request changes"), tr("Which changes are needed?"), QString(), &ok);
    if (ok)
        m_error->sayOutcome(requestChangesCurrent(comment));
}

void CommsDock::askRevise()
{
    const qint64 id = currentMessageId();
    if (id == 0)
        return;
    auto message = m_store.business().message(id); // with its steps: the change request is shown whole
    if (!message) {
        m_error->sayOutcome(message.error());
        return;
    }
    auto *dialog = new ReviseMessageDialog(*message, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (currentMessageId() == id)
            m_error->sayOutcome(reviseCurrent(dialog->text()));
    });
    dialog->open();
}

void CommsDock::askSkip()
{
    const QModelIndex cell = m_grid->currentIndex();
    const QString phase = cell.data(AudiencePhaseModel::PhaseKeyRole).toString();
    if (!cell.isValid() || phase.isEmpty())
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Skip this message"), tr("Why is it skipped?"),
                                                 QLineEdit::Normal, QString(), &ok);
    if (ok)
        m_error->sayOutcome(skipCell(cell.data(AudiencePhaseModel::AudienceKeyRole).toString(), phase, reason));
}

void CommsDock::updateDetail()
{
    const qint64 id = currentMessageId();
    if (id == 0) {
        m_detail->clear();
        return;
    }
    auto m = m_store.business().message(id);
    if (!m) {
        m_detail->setPlainText(m.error().message());
        return;
    }
    QStringList lines;
    lines << tr("#%1 to %2 — %3 phase — %4, version %5")
                 .arg(m->id)
                 .arg(BusinessVocabulary::audienceLabel(m->audience),
                      BusinessVocabulary::phaseLabel(m->phase).toLower(), m->channel)
                 .arg(m->version);
    lines << m->text << QString();
    for (const MessageStepRecord &s : std::as_const(m->steps)) {
        QString line =
            tr("v%1  %2  %3 — %4")
                .arg(s.version)
                .arg(s.at.toLocalTime().toString(QStringLiteral("HH:mm")), BusinessVocabulary::stepLabel(s.step), s.by);
        if (s.verdict == StepVerdict::ChangesRequested)
            line += tr(" — changes requested: %1").arg(s.comment);
        else if (!s.comment.isEmpty())
            line += QStringLiteral(" — %1").arg(s.comment);
        lines << line;
    }
    for (const MessageVersion &v : std::as_const(m->earlier))
        lines << QString() << tr("Version %1 (%2):").arg(v.version).arg(v.draftedBy) << v.text;
    m_detail->setPlainText(lines.join(QLatin1Char('\n')));
}

void CommsDock::updateState()
{
    const bool business = m_incidentId > 0 && !m_gridModel->audiences().isEmpty();
    // The phase line is short: one line. A wrapping label makes the dock ask for its whole
    // preferred height, which would scroll it in the liaison's workspace on a 720-line screen.
    m_state->setWordWrap(!business);
    if (!business) {
        m_state->setText(tr("Not a business incident. Incident ▸ Declare business incident… switches the business to "
                            "emergency operations."));
    } else {
        m_state->setText(tr("Phase: <b>%1</b> · %n message(s)", nullptr, m_messageModel->rowCount())
                             .arg(BusinessVocabulary::phaseLabel(m_gridModel->currentPhase())));
    }
    const qint64 id = currentMessageId();
    bool open = false;
    QString next;
    if (id > 0) {
        const Message m = m_messageModel->messageAt(m_messageModel->rowOf(id));
        open = !m.isSent() && !m.changesRequested();
        if (open)
            next = m.waitingFor == MessageStep::Send
                       ? tr("Mark &sent")
                       : tr("&Approve: %1").arg(BusinessVocabulary::stepLabel(m.waitingFor));
        m_revise->setEnabled(!m.isSent());
        if (!m.isSent()) {
            auto staffing = m_store.business().staffing(m_incidentId, m.waitingFor, m.audience);
            if (staffing && m_session)
                m_actingFor->setStaffing(*staffing, m_session->author(), m.waitingFor == MessageStep::Draft);
        }
        m_actingFor->setVisible(!m.isSent());
    } else {
        m_revise->setEnabled(false);
        m_actingFor->hide();
    }
    m_approve->setText(next.isEmpty() ? tr("&Approve step") : next);
    m_approve->setEnabled(open);
    m_changes->setEnabled(open && m_messageModel->messageAt(m_messageModel->rowOf(id)).waitingFor != MessageStep::Send);
    m_draft->setEnabled(business);
    const QModelIndex cell = m_grid->currentIndex();
    m_skip->setEnabled(business && cell.isValid() &&
                       (cell.data(AudiencePhaseModel::CellStateRole).toString() == QLatin1String("due") ||
                        cell.data(AudiencePhaseModel::CellStateRole).toString() == QLatin1String("upcoming") ||
                        cell.data(AudiencePhaseModel::CellStateRole).toString() == QLatin1String("missed")));
}

void CommsDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    DeferredDock::changeEvent(event);
}

void CommsDock::retranslateUi()
{
    setWindowTitle(tr("Communications"));
    m_focusAction->setText(tr("Go to &communications"));
    toggleViewAction()->setText(tr("&Communications"));
    if (!isBuilt())
        return;
    setAccessibleLabel(m_grid, tr("Audience by phase"));
    setAccessibleLabel(m_messages, tr("Messages"));
    setAccessibleLabel(m_detail, tr("Message text"));
    m_gridLabel->setText(tr("Audience × &phase — double-click a cell to draft or open its message"));
    m_messagesLabel->setText(tr("&Messages"));
    m_changes->setText(tr("Request &changes…"));
    m_revise->setText(tr("Re&vise…"));
    m_draft->setText(tr("&Draft…"));
    m_skip->setText(tr("S&kip cell…"));
    updateState();
}

} // namespace cp
