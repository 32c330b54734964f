#pragma once

#include <QIdentityProxyModel>

namespace cp {

class TraineeNoteModel;

// The timeline as the shadow view shows it: the trainee's notes written beside the entries whose
// moment they were pinned to ("… — note: why only now?"), and in their tooltips. Notes added,
// edited or deleted repaint the text column; rows are never reset for them.
class NotedTimelineModel final : public QIdentityProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotedTimelineModel)

public:
    enum Role
    {
        NotesRole = Qt::UserRole + 100, // QStringList: the trainee's notes at this entry's moment
    };

    explicit NotedTimelineModel(QObject *parent = nullptr);

    void setNotes(TraineeNoteModel *notes);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void notesChanged();

    TraineeNoteModel *m_notes = nullptr;
};

} // namespace cp
