#include "traineenotespanel.h"

#include "db/incidentstore.h"
#include "models/timelinemodel.h"
#include "notes/traineenotemodel.h"
#include "notes/traineenotes.h"
#include "widgets/accessiblename.h"

#include <QAction>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTreeView>
#include <QVBoxLayout>

namespace cp {

TraineeNotesPanel::TraineeNotesPanel(IncidentStore &store, TraineeNotes *notes, TraineeNoteModel *model,
                                     QTreeView *timeline, QWidget *parent)
    : QWidget(parent), m_store(store), m_notes(notes), m_model(model), m_timeline(timeline), m_title(new QLabel(this)),
      m_view(new QListView(this)), m_edit(new QLineEdit(this)), m_message(new QLabel(this)),
      m_deleteAction(new QAction(m_view))
{
    setObjectName(QStringLiteral("shadowNotesPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    m_title->setObjectName(QStringLiteral("shadowNotesTitle"));
    layout->addWidget(m_title);
    m_view->setObjectName(QStringLiteral("shadowNotes"));
    m_view->setWordWrap(true);
    m_view->setMinimumHeight(QFontMetrics(m_view->font()).height() * 2); // the chart above needs the room
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    if (m_model)
        m_view->setModel(m_model);
    m_edit->setObjectName(QStringLiteral("shadowNoteEdit"));
    m_edit->setEnabled(m_notes != nullptr);
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (pinNote(m_edit->text()))
            m_edit->clear();
    });
    m_message->setObjectName(QStringLiteral("shadowNoteMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);

    m_deleteAction->setObjectName(QStringLiteral("shadowDeleteNoteAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(m_deleteAction, &QAction::triggered, this, &TraineeNotesPanel::deleteSelectedNote);
    m_view->addAction(m_deleteAction);
    connect(m_view, &QListView::activated, this, &TraineeNotesPanel::editSelectedNote);
    connect(m_view, &QListView::clicked, this, &TraineeNotesPanel::showMoment);
}

bool TraineeNotesPanel::pinNote(const QString &text)
{
    if (!m_notes || !m_model) {
        showMessage(tr("Notes are unavailable: the notebook could not be opened."));
        return false;
    }
    if (text.trimmed().isEmpty()) {
        showMessage(tr("Type the note first."));
        return false;
    }
    QModelIndex entry = m_timeline->currentIndex();
    if (!entry.isValid())
        entry = m_timeline->model()->index(0, 0);
    if (!entry.isValid()) {
        showMessage(tr("There is no moment on the timeline to pin the note to yet."));
        return false;
    }
    TraineeNote note;
    note.databaseKey = m_model->databaseKey();
    note.incidentId = m_model->incidentId();
    note.momentUtc = entry.data(TimelineModel::OccurredAtRole).toDateTime();
    // An entry id only means something in the database it came from (not in a replay's copy).
    note.entryId =
        note.databaseKey == m_store.session().path() ? entry.data(TimelineModel::EntryIdRole).toLongLong() : 0;
    note.text = text;
    auto added = m_notes->add(note);
    if (!added) {
        showMessage(added.error().message());
        return false;
    }
    showMessage(tr("Pinned to %1.").arg(note.momentUtc.toLocalTime().toString(QStringLiteral("HH:mm:ss"))));
    return true;
}

bool TraineeNotesPanel::deleteSelectedNote()
{
    const QModelIndex index = m_view->currentIndex();
    if (!m_notes || !index.isValid())
        return false;
    if (StoreError error = m_notes->remove(index.data(TraineeNoteModel::NoteIdRole).toLongLong()); !error.ok()) {
        showMessage(error.message());
        return false;
    }
    showMessage(tr("Note deleted."));
    return true;
}

void TraineeNotesPanel::focusNewNote()
{
    m_edit->setFocus();
}

void TraineeNotesPanel::setFonts(const QFont &title, const QFont &desk)
{
    m_title->setFont(title);
    for (QWidget *widget : std::initializer_list<QWidget *>{m_view, m_edit, m_message})
        widget->setFont(desk);
}

void TraineeNotesPanel::retranslateUi()
{
    setAccessibleLabel(m_view, tr("My notes"));
    setAccessibleLabel(m_edit, tr("New note"));
    m_title->setText(tr("My notes (private)"));
    m_edit->setPlaceholderText(m_notes ? tr("Pin a note to the selected moment and press Enter (Ctrl+N)")
                                       : tr("Notes are unavailable: the notebook could not be opened."));
    m_deleteAction->setText(tr("Delete note"));
}

void TraineeNotesPanel::editSelectedNote()
{
    const QModelIndex index = m_view->currentIndex();
    if (!m_notes || !index.isValid())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("shadowEditNoteDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Edit note"));
    dialog->setLabelText(tr("Note:"));
    dialog->setTextValue(index.data(TraineeNoteModel::TextRole).toString());
    const qint64 id = index.data(TraineeNoteModel::NoteIdRole).toLongLong();
    connect(dialog, &QInputDialog::textValueSelected, this, [this, id](const QString &text) {
        if (StoreError error = m_notes->update(id, text); !error.ok())
            showMessage(error.message());
    });
    dialog->open();
}

void TraineeNotesPanel::showMessage(const QString &text)
{
    m_message->setText(text);
}

void TraineeNotesPanel::showMoment(const QModelIndex &note)
{
    const QDateTime moment = note.data(TraineeNoteModel::MomentRole).toDateTime();
    const QAbstractItemModel *timeline = m_timeline->model();
    for (int row = 0; row < timeline->rowCount(); ++row) {
        const QModelIndex entry = timeline->index(row, 0);
        if (entry.data(TimelineModel::OccurredAtRole).toDateTime() == moment) {
            m_timeline->setCurrentIndex(entry);
            m_timeline->scrollTo(entry);
            return;
        }
    }
}

} // namespace cp
