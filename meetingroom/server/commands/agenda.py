"""Agenda editing by the secretary and moving through it by the chair."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field
from sqlalchemy import delete, select

from meetingroom.core.protocol import ErrorCode, ProtocolError, Reason
from meetingroom.core.vocabulary import MeetingStatus, Role
from meetingroom.server.commands.meeting import PREPARERS
from meetingroom.server.commands.registry import Args, CommandContext, command
from meetingroom.server.storage.models import AgendaItem
from meetingroom.server.views import agenda_item_view

ItemId = Annotated[int, Field(ge=1, le=2**62)]
Minutes = Annotated[int, Field(ge=0, le=24 * 60)]


def _item(ctx: CommandContext, item_id: int) -> AgendaItem:
    item = ctx.session.get(AgendaItem, item_id)
    if item is None or item.meeting_id != ctx.meeting.id:
        raise ProtocolError(ErrorCode.NOT_FOUND, f"no agenda item {item_id} in this meeting",
                            reason=Reason.NO_AGENDA_ITEM, params={"item_id": item_id})
    return item


def _editable(ctx: CommandContext) -> None:
    if ctx.meeting.status == MeetingStatus.CLOSED:
        raise ProtocolError(ErrorCode.INVALID_STATE, "the meeting is closed",
                            reason=Reason.MEETING_CLOSED)


def _siblings(ctx: CommandContext, parent_id: int | None, *, without: int | None = None) -> \
        list[AgendaItem]:
    rows = ctx.session.scalars(
        select(AgendaItem)
        .where(AgendaItem.meeting_id == ctx.meeting.id, AgendaItem.parent_id.is_(None)
               if parent_id is None else AgendaItem.parent_id == parent_id)
        .order_by(AgendaItem.position, AgendaItem.id)
    ).all()
    return [r for r in rows if r.id != without]


def _place(siblings: list[AgendaItem], item: AgendaItem, position: int | None) -> None:
    """Insert ``item`` among ``siblings`` and renumber so positions stay 0..n-1."""
    index = len(siblings) if position is None else min(position, len(siblings))
    _renumber([*siblings[:index], item, *siblings[index:]])


def _renumber(rows: list[AgendaItem]) -> None:
    for number, row in enumerate(rows):
        row.position = number


class AddItemArgs(Args):
    title: Annotated[str, Field(min_length=1, max_length=500)]
    parent_id: ItemId | None = None
    position: Annotated[int, Field(ge=0)] | None = None
    planned_minutes: Minutes = 0
    presenter: Annotated[str, Field(max_length=200)] = ""


@command("agenda.add_item", roles=PREPARERS, args=AddItemArgs)
def add_item(ctx: CommandContext, args: AddItemArgs) -> dict[str, Any]:
    """Add an item (or a sub-item under ``parent_id``) to the agenda."""
    _editable(ctx)
    if args.parent_id is not None:
        _item(ctx, args.parent_id)
    item = AgendaItem(meeting_id=ctx.meeting.id, parent_id=args.parent_id, title=args.title,
                      planned_minutes=args.planned_minutes, presenter=args.presenter)
    siblings = _siblings(ctx, args.parent_id)
    ctx.session.add(item)
    _place(siblings, item, args.position)
    ctx.session.flush()
    view = agenda_item_view(item)
    ctx.emit("agenda.item_added", {"item": view,
                                   "order": [s.id for s in _siblings(ctx, args.parent_id)]})
    return {"item": view}


class UpdateItemArgs(Args):
    item_id: ItemId
    title: Annotated[str, Field(min_length=1, max_length=500)] | None = None
    planned_minutes: Minutes | None = None
    presenter: Annotated[str, Field(max_length=200)] | None = None


@command("agenda.update_item", roles=PREPARERS, args=UpdateItemArgs)
def update_item(ctx: CommandContext, args: UpdateItemArgs) -> dict[str, Any]:
    """Change an item's title, planned duration or presenter."""
    _editable(ctx)
    item = _item(ctx, args.item_id)
    if args.title is None and args.planned_minutes is None and args.presenter is None:
        raise ProtocolError(ErrorCode.INVALID_ARGS, "nothing to change")
    if args.title is not None:
        item.title = args.title
    if args.planned_minutes is not None:
        item.planned_minutes = args.planned_minutes
    if args.presenter is not None:
        item.presenter = args.presenter
    view = agenda_item_view(item)
    ctx.emit("agenda.item_updated", {"item": view})
    return {"item": view}


class MoveItemArgs(Args):
    item_id: ItemId
    parent_id: ItemId | None = None
    position: Annotated[int, Field(ge=0)]


@command("agenda.move_item", roles=PREPARERS, args=MoveItemArgs)
def move_item(ctx: CommandContext, args: MoveItemArgs) -> dict[str, Any]:
    """Move an item to another place or parent in the tree."""
    _editable(ctx)
    item = _item(ctx, args.item_id)
    ancestor = args.parent_id
    while ancestor is not None:
        if ancestor == item.id:
            raise ProtocolError(ErrorCode.INVALID_ARGS, "an item cannot contain itself",
                                reason=Reason.ITEM_INSIDE_ITSELF)
        ancestor = _item(ctx, ancestor).parent_id
    if item.parent_id != args.parent_id:
        _renumber(_siblings(ctx, item.parent_id, without=item.id))
    item.parent_id = args.parent_id
    _place(_siblings(ctx, args.parent_id, without=item.id), item, args.position)
    ctx.session.flush()
    ctx.emit("agenda.item_moved", {
        "item_id": item.id, "parent_id": item.parent_id,
        "order": [s.id for s in _siblings(ctx, item.parent_id)],
    })
    return {"item": agenda_item_view(item)}


class ItemArgs(Args):
    item_id: ItemId


@command("agenda.remove_item", roles=PREPARERS, args=ItemArgs)
def remove_item(ctx: CommandContext, args: ItemArgs) -> dict[str, Any]:
    """Remove an item and its sub-items; not the item under discussion."""
    _editable(ctx)
    item = _item(ctx, args.item_id)
    removed: list[int] = []
    stack = [item]
    while stack:
        node = stack.pop()
        removed.append(node.id)
        stack.extend(ctx.session.scalars(
            select(AgendaItem).where(AgendaItem.parent_id == node.id)))
    if ctx.meeting.current_item_id in removed:
        raise ProtocolError(ErrorCode.INVALID_STATE, "cannot remove the item under discussion",
                            reason=Reason.ITEM_UNDER_DISCUSSION)
    parent_id = item.parent_id
    ctx.session.execute(delete(AgendaItem).where(AgendaItem.id.in_(removed)),
                        execution_options={"synchronize_session": "fetch"})
    remaining = _siblings(ctx, parent_id)
    _renumber(remaining)
    ctx.emit("agenda.item_removed", {"item_ids": removed, "parent_id": parent_id,
                                     "order": [s.id for s in remaining]})
    return {"removed": removed}


class SetCurrentArgs(Args):
    item_id: ItemId | None


@command("agenda.set_current", roles={Role.CHAIR.value}, args=SetCurrentArgs)
def set_current(ctx: CommandContext, args: SetCurrentArgs) -> dict[str, Any]:
    """Move the session to an agenda item; every screen follows."""
    if ctx.meeting.status != MeetingStatus.IN_PROGRESS:
        raise ProtocolError(ErrorCode.INVALID_STATE, "the session is not in progress",
                            reason=Reason.SESSION_NOT_IN_PROGRESS)
    if args.item_id is not None:
        _item(ctx, args.item_id)
    previous = ctx.meeting.current_item_id
    ctx.meeting.current_item_id = args.item_id
    ctx.emit("agenda.current_changed", {"item_id": args.item_id, "previous": previous})
    return {"item_id": args.item_id}
